import { fine, scenario } from '../procedure';
import { individual, organization } from '../parties';

/** Cases still in hand at the seed's day, one or more at each intermediate stage, some with a deadline close ahead. */
export const OPEN_STAGES = [
  ...(
    [
      ['filing-beihu', '431002', 1, 'gas', '郴州市北湖区瑞祥餐饮店', '餐饮店液化气钢瓶与灶具间距不足'],
      ['filing-guiyang', '431021', 2, 'mining', '桂阳县太和镇石灰石矿', '露天采场未设置安全警示标志'],
      ['filing-zixing', '431081', 3, 'crowded_places_fire', '资兴市东江湖大酒店', '酒店厨房排油烟管道未定期清洗'],
    ] as const
  ).map(([key, agency, daysAgo, industry, name, summary]) =>
    scenario(
      {
        key,
        agency,
        opened: { workingDaysAgo: daysAgo },
        source: 'inspection',
        industry,
        party: organization(agency, name, '张建军'),
        violations: [{ description: summary, provisions: ['安全生产法 Art. 41'] }],
        summary,
      },
      (s) => s,
    ),
  ),
  scenario(
    {
      key: 'investigation-evidence-rucheng',
      agency: '431026',
      opened: { workingDaysAgo: 8 },
      source: 'complaint',
      industry: 'hazardous_chemicals',
      party: organization('431026', '汝城县朝阳化工原料经营部', '何志平', '汝城县卢阳镇'),
      violations: [{ description: '危险化学品经营场所未配备应急器材', provisions: ['安全生产法 Art. 41'] }],
      summary: '群众举报化工原料店应急器材缺失',
    },
    (s) => s.file().evidence('inspection', '现场检查笔录').evidence('inquiry', '询问笔录（经营者）', 2),
  ),
  scenario(
    {
      key: 'investigation-suspended-guidong',
      agency: '431027',
      opened: { daysAgo: 44 },
      source: 'accident',
      industry: 'special_equipment',
      party: organization('431027', '桂东县宏达木业有限公司', '黄国平', '桂东县大塘镇'),
      violations: [{ description: '锅炉爆管致1人轻伤', provisions: ['安全生产法 Art. 36'] }],
      summary: '锅炉爆管事故，待特种设备检验机构鉴定，中止调查',
    },
    (s) =>
      s
        .file()
        .evidence('inspection', '事故现场勘验笔录')
        .wait(3)
        .step('head', 'suspend-case', { reason: '等待特种设备检验机构出具技术鉴定结论' }),
  ),
  scenario(
    {
      key: 'investigation-period-soon-beihu',
      agency: '431002',
      opened: { daysAgo: 29 },
      source: 'inspection',
      industry: 'construction',
      party: organization('431002', '郴州市北湖区宏图建筑安装有限公司', '陈宏', '郴州市北湖区苏园路'),
      violations: [{ description: '深基坑未按方案设置支护', provisions: ['安全生产法 Art. 41'] }],
      summary: '深基坑支护不到位，办案期限将届满',
    },
    (s) =>
      s
        .file(0)
        .evidence('inspection', '现场检查笔录')
        .evidence('inquiry', '询问笔录（项目经理）', 3)
        .evidence('document', '专项施工方案', 5),
  ),
  scenario(
    {
      key: 'review-statement-soon-yizhang',
      agency: '431022',
      opened: { workingDaysAgo: 10 },
      source: 'inspection',
      industry: 'fireworks',
      party: organization('431022', '宜章县吉祥烟花爆竹零售店', '刘小平', '宜章县城南乡'),
      violations: [{ code: 'AQ-99', description: '零售店未配备灭火器材', provisions: ['安全生产法 Art. 99'] }],
      summary: '已告知拟处罚，陈述申辩期限将届满',
    },
    (s) =>
      s
        .file()
        .evidence('inspection', '现场检查笔录')
        .evidence('photo', '现场照片', 2)
        .conclude(fine(3000, '安全生产法 Art. 99', 'AQ-99', 'slight'), '零售点未配备灭火器')
        .notice(),
  ),
  scenario(
    {
      key: 'review-legal-review-city',
      agency: '431000',
      opened: { workingDaysAgo: 15 },
      source: 'referral',
      industry: 'hazardous_chemicals',
      party: organization('431003', '郴州市华宇危险化学品储运有限公司', '欧阳建', '郴州市苏仙区许家洞镇'),
      violations: [{ code: 'AQ-101', description: '危险化学品专用仓库与员工宿舍距离不符合要求', provisions: ['安全生产法 Art. 101'] }],
      summary: '市局直办：已听取陈述申辩，待法制审核',
      major: true,
    },
    (s) =>
      s
        .file()
        .evidence('inspection', '现场检查笔录')
        .evidence('appraisal', '安全距离测量报告', 2)
        .conclude(fine(55000, '安全生产法 Art. 101', 'AQ-101', 'serious'), '仓库与宿舍间距不足规定距离的一半')
        .notice()
        .statement('当事人称宿舍已停用，请求减轻处罚', false, 2)
        .waive(['hearing'], 1),
  ),
  scenario(
    {
      key: 'decided-awaiting-service-linwu',
      agency: '431025',
      opened: { workingDaysAgo: 13 },
      source: 'inspection',
      industry: 'gas',
      party: organization('431025', '临武县城区燃气有限公司', '唐建华', '临武县舜峰镇'),
      violations: [{ code: 'AQ-99', description: '燃气调压站安全阀未定期校验', provisions: ['安全生产法 Art. 99'] }],
      summary: '已作出处罚决定，待送达',
    },
    (s) =>
      s
        .file()
        .evidence('inspection', '现场检查笔录')
        .conclude(fine(12000, '安全生产法 Art. 99', 'AQ-99', 'general'), '调压站安全阀超期未校验', 3)
        .notice()
        .waive(['statement'])
        .decide(3),
  ),
  scenario(
    {
      key: 'execution-payment-soon-jiahe',
      agency: '431024',
      opened: { workingDaysAgo: 21 },
      source: 'inspection',
      industry: 'mining',
      party: organization('431024', '嘉禾县广发采石场', '彭志强', '嘉禾县广发镇'),
      violations: [{ code: 'AQ-97-3', description: '爆破作业人员未经培训', provisions: ['安全生产法 Art. 97'] }],
      summary: '已送达处罚决定，缴款期限将届满',
    },
    (s) => s.penaltyTrunk(fine(21000, '安全生产法 Art. 97', 'AQ-97-3', 'general'), '爆破员未经专门培训').publish(),
  ),
  scenario(
    {
      key: 'execution-late-surcharge-yongxing',
      agency: '431023',
      opened: { daysAgo: 70 },
      source: 'inspection',
      industry: 'construction',
      party: individual('431023', '侯某某', '1982-02-11', '永兴县便江街道'),
      violations: [{ description: '个人承包工程未落实安全措施', provisions: ['安全生产法 Art. 102'] }],
      summary: '逾期缴纳罚款，加处罚款未缴',
    },
    (s) => s.penaltyTrunk(fine(5000, '安全生产法 Art. 102'), '脚手架作业未系安全带').pay(24, { late: true }),
  ),
  scenario(
    {
      key: 'executed-awaiting-close-guiyang',
      agency: '431021',
      opened: { workingDaysAgo: 25 },
      source: 'inspection',
      industry: 'hazardous_chemicals',
      party: organization('431021', '桂阳县宏源加油站', '首建华', '桂阳县龙潭街道'),
      violations: [{ code: 'AQ-102', description: '油罐区防雷设施检测过期', provisions: ['安全生产法 Art. 102'] }],
      summary: '罚款已缴清，待结案',
    },
    (s) =>
      s
        .penaltyTrunk(fine(9000, '安全生产法 Art. 102', 'AQ-102', 'slight'), '防雷检测报告过期4个月')
        .publish()
        .pay(3),
  ),
];
