import { scenario } from '../procedure';
import { individual, organization } from '../parties';

/** 不予立案 (the head refuses to file) and 不予处罚 (a first minor violation corrected at once, or facts not proven). */
export const NOT_FILED_AND_NO_PENALTY = [
  scenario(
    {
      key: 'not-filed-noise-suxian',
      agency: '431003',
      opened: { daysAgo: 280 },
      source: 'complaint',
      industry: 'construction',
      party: organization('431003', '苏仙区美家装饰工程部', '周平'),
      violations: [{ description: '群众举报夜间施工噪声扰民', provisions: ['安全生产法 Art. 36'] }],
      summary: '举报夜间施工噪声（非安全生产违法行为）',
    },
    (s) => s.rejectFiling('举报事项属环境噪声管理，不属于安全生产违法行为，已告知举报人向生态环境部门反映'),
  ),
  scenario(
    {
      key: 'not-filed-expired-yongxing',
      agency: '431023',
      opened: { daysAgo: 160 },
      source: 'complaint',
      industry: 'mining',
      party: organization('431023', '永兴县金鑫矿产品加工厂', '马国华'),
      violations: [{ description: '举报2025年初曾超员下井作业', provisions: ['安全生产法 Art. 41'], committedOn: '2025-03-10' }],
      summary: '举报企业两年前超员作业，经核查无新证据',
    },
    (s) => s.rejectFiling('经初步核查，举报事项缺乏证据支持，且企业已于2025年关闭矿井，不予立案'),
  ),
  scenario(
    {
      key: 'not-filed-duplicate-guidong',
      agency: '431027',
      opened: { daysAgo: 75 },
      source: 'referral',
      industry: 'crowded_places_fire',
      party: organization('431027', '桂东县东方红宾馆', '方建平'),
      violations: [{ description: '消防通道被占用', provisions: ['安全生产法 Art. 42'] }],
      summary: '县消防救援大队移交线索',
    },
    (s) => s.rejectFiling('该违法行为已由消防救援机构立案处理，依法不重复处罚，不予立案'),
  ),
  scenario(
    {
      key: 'not-filed-individual-anren',
      agency: '431028',
      opened: { daysAgo: 38 },
      source: 'complaint',
      industry: 'other',
      party: individual('431028', '段某某', '1969-11-02'),
      violations: [{ description: '举报自建房私拉电线', provisions: ['安全生产法 Art. 36'] }],
      summary: '群众举报村民自建房用电隐患',
    },
    (s) => s.rejectFiling('属农村自建房用电安全问题，不属本局执法范围，已移交乡镇人民政府处理'),
  ),
  scenario(
    {
      key: 'no-penalty-first-minor-beihu',
      agency: '431002',
      opened: { daysAgo: 255 },
      source: 'inspection',
      industry: 'gas',
      party: organization('431002', '郴州北湖燃气服务有限公司', '赵志明', '郴州市北湖区国庆北路'),
      violations: [{ description: '瓶装燃气供应站安全检查记录不全', provisions: ['安全生产法 Art. 41'] }],
      summary: '供应站安全检查台账缺失两个月',
    },
    (s) =>
      s
        .file()
        .evidence('inspection', '现场检查笔录')
        .noPenalty('no_penalty_minor', '初次违法且危害后果轻微，已当场改正')
        .serve()
        .close('首违不罚，已责令改正并经复核，结案'),
  ),
  scenario(
    {
      key: 'no-penalty-unproven-linwu',
      agency: '431025',
      opened: { daysAgo: 180 },
      source: 'complaint',
      industry: 'mining',
      party: organization('431025', '临武县鸿运石材有限公司', '黄国强', '临武县武水镇'),
      violations: [{ description: '举报爆破作业未设警戒', provisions: ['安全生产法 Art. 43'] }],
      summary: '举报采石场爆破作业未设警戒',
    },
    (s) =>
      s
        .file()
        .evidence('inquiry', '询问笔录（爆破员）')
        .evidence('document', '爆破作业记录', 2)
        .noPenalty('no_penalty_unproven', '现有证据不能证明违法事实成立')
        .serve()
        .close('违法事实不能成立，不予处罚，结案'),
  ),
  scenario(
    {
      key: 'no-penalty-minor-rucheng',
      agency: '431026',
      opened: { daysAgo: 88 },
      source: 'inspection',
      industry: 'food_drug',
      party: organization('431026', '汝城县绿源农产品加工厂', '卢明', '汝城县卢阳镇'),
      violations: [{ description: '有限空间作业审批记录不全', provisions: ['安全生产法 Art. 43'] }],
      summary: '有限空间作业审批单未存档',
    },
    (s) =>
      s
        .file()
        .evidence('inspection', '现场检查笔录')
        .noPenalty('no_penalty_minor', '违法行为轻微并及时改正，没有造成危害后果')
        .serve()
        .close('不予处罚，结案'),
  ),
  scenario(
    {
      key: 'no-penalty-decided-jiahe',
      agency: '431024',
      opened: { workingDaysAgo: 12 },
      source: 'inspection',
      industry: 'special_equipment',
      party: organization('431024', '嘉禾县铸造产业园管理有限公司', '肖国平', '嘉禾县袁家镇'),
      violations: [{ description: '叉车作业人员操作证过期', provisions: ['安全生产法 Art. 30'] }],
      summary: '叉车操作证过期三日，已当场补办',
    },
    (s) => s.file().evidence('inspection', '现场检查笔录').noPenalty('no_penalty_minor', '过期时间短且已及时补办，没有造成危害后果', 3, 3),
  ),
];
