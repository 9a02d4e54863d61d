import { addDays, firstWorkingDayOnOrAfter } from '@app/calendar';
import { ProcedureScript, fine, scenario } from '../procedure';
import { organization } from '../parties';

/**
 * 责令限期整改 (安全生产法第六十五条) with a deadline about `days` calendar days on (a working day, the day the officers
 * re-inspect); returns the deadline.
 */
function rectify(s: ProcedureScript, items: string[], days: number): string {
  const deadline = firstWorkingDayOnOrAfter(s.time.calendar, addDays(s.date, days));
  s.step('officer-1', 'issue-rectification-order', { items, deadline, legalBasis: ['安全生产法 Art. 65'] });
  return deadline;
}

/** 复查 by the two handling officers on the deadline day (安全生产法第六十七条). */
function reinspect(s: ProcedureScript, on: string, result: 'passed' | 'failed', findings: string): ProcedureScript {
  return s.waitUntil(on).step('officer-1', 'record-reinspection', { officerIds: s.officers, result, findings });
}

/** 查封扣押 (行政强制法第十八、二十四条): recorded on audio-video, approved by the head; 30 days, extendable once. */
function seize(s: ProcedureScript, items: { name: string; quantity?: string }[], reason: string): ProcedureScript {
  const video = '查封现场执法记录仪视频';
  return s.evidence('audio_video', video, 0).step('head', 'impose-seizure', {
    items,
    reason,
    legalBasis: ['安全生产法 Art. 65', '行政强制法 Art. 22'],
    audioVideoEvidenceHash: s.hash(video),
  });
}

export const RECTIFICATION_AND_SEIZURE = [
  scenario(
    {
      key: 'rectified-closed-zixing',
      agency: '431081',
      opened: { daysAgo: 270 },
      source: 'inspection',
      industry: 'hazardous_chemicals',
      party: organization('431081', '资兴市东江湖旅游燃气站', '黄志强', '资兴市东江街道'),
      violations: [{ code: 'AQ-102', description: '液化气储罐区防护堤破损未修复', provisions: ['安全生产法 Art. 102'] }],
      summary: '储罐区防护堤破损，责令限期整改',
    },
    (s) => {
      const due = rectify(s.file().evidence('inspection', '现场检查笔录'), ['修复储罐区防护堤', '补设警示标志'], 25);
      s.conclude(fine(13000, '安全生产法 Art. 102', 'AQ-102', 'general'), '防护堤破损长约3米')
        .notice()
        .waive(['statement'])
        .decide(2)
        .serve()
        .publish()
        .pay(5);
      return reinspect(s, due, 'passed', '防护堤已修复，警示标志已设置').close('整改复查合格，罚款已缴清，结案');
    },
  ),
  scenario(
    {
      key: 'rectification-failed-then-passed-guidong',
      agency: '431027',
      opened: { daysAgo: 185 },
      source: 'inspection',
      industry: 'construction',
      party: organization('431027', '桂东县桂丰建设工程有限公司', '黄志明', '桂东县寨前镇'),
      violations: [{ code: 'AQ-102', description: '施工用电未按规定设置漏电保护', provisions: ['安全生产法 Art. 102'] }],
      summary: '施工临时用电隐患，首次复查不合格',
    },
    (s) => {
      const first = rectify(s.file().evidence('inspection', '现场检查笔录'), ['配电箱加装漏电保护器', '规范电缆敷设'], 7);
      reinspect(s, first, 'failed', '2个配电箱仍未加装漏电保护器');
      const second = rectify(s, ['配电箱加装漏电保护器'], 5);
      reinspect(s, second, 'passed', '已全部整改');
      return s
        .conclude(fine(10000, '安全生产法 Art. 102', 'AQ-102', 'general'), '复查不合格后方整改到位', 1)
        .notice()
        .waive(['statement'])
        .decide(2)
        .serve()
        .publish()
        .pay(6)
        .close('整改复查合格，罚款已缴清，结案');
    },
  ),
  scenario(
    {
      key: 'rectification-due-soon-yongxing',
      agency: '431023',
      opened: { workingDaysAgo: 9 },
      source: 'inspection',
      industry: 'mining',
      party: organization('431023', '永兴县马田煤矸石砖厂', '侯建国', '永兴县马田镇'),
      violations: [{ code: 'AQ-102', description: '破碎机传动部位防护罩缺失', provisions: ['安全生产法 Art. 102'] }],
      summary: '破碎机防护罩缺失，整改期限将至',
    },
    (s) => {
      s.file().evidence('inspection', '现场检查笔录').wait(1);
      return s.step('officer-1', 'issue-rectification-order', {
        items: ['加装破碎机传动部位防护罩'],
        deadline: s.workingDaysAfterToday(2),
        legalBasis: ['安全生产法 Art. 65'],
      });
    },
  ),
  scenario(
    {
      key: 'rectification-missed-jiahe',
      agency: '431024',
      opened: { daysAgo: 64 },
      source: 'complaint',
      industry: 'crowded_places_fire',
      party: organization('431024', '嘉禾县同乐网吧', '王小军', '嘉禾县珠泉镇'),
      violations: [{ description: '疏散指示标志损坏未修复', provisions: ['安全生产法 Art. 42'] }],
      summary: '整改期满未复查，复查期限已逾期',
    },
    (s) => {
      rectify(s.file().evidence('inspection', '现场检查笔录'), ['修复疏散指示标志和应急照明'], 10);
      return s;
    },
  ),
  scenario(
    {
      key: 'seized-confiscated-closed-beihu',
      agency: '431002',
      opened: { daysAgo: 305 },
      source: 'inspection',
      industry: 'fireworks',
      party: organization('431002', '郴州市北湖区福临门烟花爆竹经营部', '黄海', '郴州市北湖区华塘镇'),
      violations: [
        {
          code: 'AQ-101',
          description: '烟花爆竹储存仓库与居住场所设在同一建筑物内',
          provisions: ['安全生产法 Art. 42', '安全生产法 Art. 101'],
        },
      ],
      summary: '春节前检查：仓库与住所同楼，查封违规储存的烟花爆竹',
    },
    (s) =>
      seize(
        s.file().evidence('inspection', '现场检查笔录'),
        [
          { name: '组合烟花', quantity: '86箱' },
          { name: '爆竹', quantity: '40箱' },
        ],
        '违规储存，存在重大事故隐患',
      )
        .conclude(fine(22000, '安全生产法 Art. 101', 'AQ-101', 'general'), '住宅一楼储存烟花爆竹126箱', 5)
        .notice()
        .waive(['statement'])
        .decide(2)
        .serve()
        .wait(1)
        .step('head', 'release-seizure', { disposition: 'confiscated', reason: '依法没收违规储存的烟花爆竹' })
        .publish(1)
        .pay(5)
        .close('罚款已缴清，查封物品已依法处理，结案'),
  ),
  scenario(
    {
      key: 'seizure-ending-soon-suxian',
      agency: '431003',
      opened: { daysAgo: 30 },
      source: 'inspection',
      industry: 'hazardous_chemicals',
      party: organization('431003', '郴州市苏仙区顺发化工经营部', '邓志', '郴州市苏仙区栖凤渡镇'),
      violations: [{ description: '无危险化学品经营许可证经营', provisions: ['危险化学品安全管理条例 Art. 77'] }],
      summary: '无证经营危险化学品，查封期限即将届满',
    },
    (s) => seize(s.file(1).evidence('inspection', '现场检查笔录'), [{ name: '甲苯', quantity: '20桶' }], '无证经营的危险化学品'),
  ),
  scenario(
    {
      key: 'seizure-extended-linwu',
      agency: '431025',
      opened: { daysAgo: 48 },
      source: 'inspection',
      industry: 'mining',
      party: organization('431025', '临武县金江矿业有限公司', '唐国平', '临武县金江镇'),
      violations: [{ description: '使用国家明令淘汰的危及生产安全的设备', provisions: ['安全生产法 Art. 38', '安全生产法 Art. 99'] }],
      summary: '查封淘汰设备，待技术鉴定，延长查封期限',
    },
    (s) =>
      seize(s.file().evidence('inspection', '现场检查笔录'), [{ name: '淘汰型空压机', quantity: '2台' }], '明令淘汰设备仍在使用')
        .waitDays(22)
        .step('head', 'extend-seizure', { days: 30, reason: '技术鉴定尚未完成' }),
  ),
  scenario(
    {
      key: 'seized-released-rectified-anren',
      agency: '431028',
      opened: { daysAgo: 120 },
      source: 'inspection',
      industry: 'hazardous_chemicals',
      party: organization('431028', '安仁县永发油漆经营部', '周永发', '安仁县永乐江镇'),
      violations: [
        {
          code: 'AQ-101',
          description: '油漆稀释剂储存于无通风设施的营业间内',
          provisions: ['安全生产法 Art. 36', '安全生产法 Art. 101'],
        },
      ],
      summary: '稀释剂储存场所无通风设施，抽样送检并查封，整改复查合格后解除查封',
    },
    (s) => {
      s.file().evidence('inspection', '现场检查笔录').evidence('sampling', '抽样取证凭证（稀释剂样品两桶）', 0);
      seize(s, [{ name: '油漆稀释剂', quantity: '36桶' }], '储存场所存在重大事故隐患，防止转移');
      const due = rectify(s.wait(0), ['加装机械通风设施', '将稀释剂移入专用储存间'], 14);
      reinspect(s, due, 'passed', '已加装机械通风设施，稀释剂已移入专用储存间');
      // 行政强制法第二十八条第一款第二项: the danger removed, the seizure is lifted and the things returned at once.
      s.wait(0).step('head', 'release-seizure', { disposition: 'released', reason: '重大事故隐患已消除，解除查封并退还财物' });
      return s
        .conclude(fine(24000, '安全生产法 Art. 101', 'AQ-101', 'general'), '营业间内储存稀释剂36桶，无通风设施', 2)
        .notice()
        .waive(['statement'])
        .decide(2)
        .serve()
        .publish()
        .pay(7)
        .close('整改复查合格，查封物品已退还，罚款已缴清，结案');
    },
  ),
];
