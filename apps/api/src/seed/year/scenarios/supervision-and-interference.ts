import { fine, scenario } from '../procedure';
import { organization } from '../parties';

const SECRETARY = { name: '某某', unit: '某乡镇人民政府', post: '党委副书记', relation: 'leading_cadre' as const };

/**
 * 督办 of overdue cases by the city's supervisor (郴政办发〔2016〕19号第十七条), answered or not; and 干预记录 (中办发〔2015〕23号):
 * a phone call recorded and refused, a correction of a record, a record made after closing.
 */
export const SUPERVISION_AND_INTERFERENCE = [
  scenario(
    {
      key: 'supervised-replied-yongxing',
      agency: '431023',
      opened: { daysAgo: 75 },
      source: 'inspection',
      industry: 'mining',
      party: organization('431023', '永兴县鲤鱼塘铅锌矿', '马建国', '永兴县鲤鱼塘镇'),
      violations: [{ code: 'AQ-99', description: '井下安全出口标识缺失', provisions: ['安全生产法 Art. 99'] }],
      summary: '办案期限届满未作决定，市局督办后已回复',
    },
    (s) =>
      s
        .file()
        .evidence('inspection', '现场检查笔录')
        .evidence('inquiry', '询问笔录（矿长）', 3)
        .waitDays(32)
        .supervise('办案期限已逾期，请说明原因并加快办理', 5)
        .replySupervision('因企业负责人外出，询问延后；现已完成调查，拟于本周作出处理决定', 3)
        .conclude(fine(14000, '安全生产法 Art. 99', 'AQ-99', 'general'), '井下2处安全出口标识缺失', 1)
        .notice(),
  ),
  scenario(
    {
      key: 'supervised-reply-due-suxian',
      agency: '431003',
      opened: { daysAgo: 56 },
      source: 'complaint',
      industry: 'crowded_places_fire',
      party: organization('431003', '郴州市苏仙区欢乐谷游乐有限公司', '曹建华', '郴州市苏仙区飞天山镇'),
      violations: [{ description: '大型游乐设施日常检查记录缺失', provisions: ['安全生产法 Art. 41'] }],
      summary: '办案期限已逾期，已督办待回复',
    },
    (s) =>
      s
        .file()
        .evidence('inspection', '现场检查笔录')
        .waitUntil(s.workingDaysBeforeToday(3))
        .supervise('案件超期未结，请于5个工作日内书面回复办理进度', 5),
  ),
  scenario(
    {
      key: 'supervised-reply-missed-rucheng',
      agency: '431026',
      opened: { daysAgo: 90 },
      source: 'inspection',
      industry: 'construction',
      party: organization('431026', '汝城县鸿业房地产开发有限公司', '朱建平', '汝城县卢阳镇'),
      violations: [{ description: '在建项目未按规定配备专职安全管理人员', provisions: ['安全生产法 Art. 24'] }],
      summary: '督办回复逾期未回复',
    },
    (s) =>
      s
        .file()
        .evidence('inspection', '现场检查笔录')
        .extend('案情复杂，经负责人批准延长办案期限', 2)
        .waitUntil(s.workingDaysBeforeToday(14))
        .supervise('案件办理明显滞后，请说明原因', 5),
  ),
  scenario(
    {
      key: 'interference-major-review-zixing',
      agency: '431081',
      opened: { daysAgo: 100 },
      source: 'inspection',
      industry: 'mining',
      party: organization('431081', '资兴市白廊石墨矿', '曹志强', '资兴市白廊镇'),
      violations: [{ code: 'AQ-97-3', description: '安全管理人员未经考核合格', provisions: ['安全生产法 Art. 27', '安全生产法 Art. 97'] }],
      summary: '有干预记录的案件，经法制审核和集体讨论后处罚',
    },
    (s) =>
      s
        .file()
        .evidence('inspection', '现场检查笔录')
        .interfere(
          'officer-1',
          SECRETARY,
          'phone',
          '来电称企业是乡里重点企业，希望"从轻处理、下不为例"',
          '已当场拒绝，告知将依法办理并如实记录',
          2,
        )
        .conclude(fine(22000, '安全生产法 Art. 97', 'AQ-97-3', 'general'), '矿长及安全员均未经考核合格', 2)
        .notice()
        .waive(['statement'])
        .reviewAndDiscuss(1)
        .decide(1)
        .serve()
        .publish()
        .pay(6)
        .close('罚款已缴清，干预情况已如实记录并报告，结案'),
  ),
  scenario(
    {
      key: 'interference-corrected-execution-guiyang',
      agency: '431021',
      opened: { daysAgo: 45 },
      source: 'inspection',
      industry: 'fireworks',
      party: organization('431021', '桂阳县鸿福烟花爆竹批发有限公司', '雷志勇', '桂阳县流峰镇'),
      violations: [{ code: 'AQ-99', description: '仓库防雷设施未定期检测', provisions: ['安全生产法 Art. 99'] }],
      summary: '执行阶段有人说情，干预记录作更正',
    },
    (s) =>
      s
        .penaltyTrunk(fine(9500, '安全生产法 Art. 99', 'AQ-99', 'slight'), '防雷检测超期一年')
        .publish()
        .interfere(
          'officer-2',
          { name: '某某', unit: '县直某单位', post: '科员', relation: 'relative_or_staff_of_cadre' },
          'in_person',
          '到办公室要求缓缴罚款并减免',
          '已拒绝，告知当事人可依法申请暂缓或分期缴纳',
          1,
        )
        .step('officer-2', 'record-interference', (c) => ({
          intervener: { name: '某某', unit: '县直某单位', post: '科员', relation: 'relative_or_staff_of_cadre' },
          means: 'in_person',
          content: '到办公室要求缓缴罚款并减免（更正：来访时间为下午）',
          handling: '已拒绝，告知当事人可依法申请暂缓或分期缴纳',
          corrects: c.interferenceRecordIds[0],
        })),
  ),
  scenario(
    {
      key: 'interference-after-close-beihu',
      agency: '431002',
      opened: { daysAgo: 150 },
      source: 'inspection',
      industry: 'gas',
      party: organization('431002', '郴州市北湖区安顺液化气站', '钟海', '郴州市北湖区保和镇'),
      violations: [{ code: 'AQ-99', description: '液化气钢瓶检验过期仍充装', provisions: ['安全生产法 Art. 99'] }],
      summary: '结案后补记干预情况',
    },
    (s) =>
      s
        .penaltyTrunk(fine(16000, '安全生产法 Art. 99', 'AQ-99', 'general'), '充装超期未检钢瓶23只')
        .publish()
        .pay(7)
        .close('罚款已缴清，结案')
        .interfere(
          'head',
          { name: '某某', unit: '本局', post: '干部', relation: 'internal_staff' },
          'text_message',
          '结案后发现：办案期间曾有本局干部发短信打听案件进展并暗示从轻',
          '已报告纪检监察机构，补充记录',
          6,
        ),
  ),
];
