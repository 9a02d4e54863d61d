import { ProcedureScript, fine, scenario } from '../procedure';
import { organization } from '../parties';

/**
 * 听证 (行政处罚法第六十三、六十四条): a fine of 30,000 yuan or more gives an enterprise the right; the party asks within
 * 5 working days, the head notifies it at least 7 working days ahead, an officer who did not investigate presides.
 */
function toHearing(s: ProcedureScript, findings: string, amountYuan: number, o: { extend: boolean }): ProcedureScript {
  s.file()
    .evidence('inspection', '现场检查笔录')
    .evidence('inquiry', '询问笔录（主要负责人）', 2)
    .evidence('appraisal', '技术鉴定意见', 3)
    .conclude(fine(amountYuan, '安全生产法 Art. 99', 'AQ-99', amountYuan >= 40000 ? 'very_serious' : 'serious'), findings)
    .notice()
    .wait(2)
    .step('officer-1', 'request-hearing', {});
  // 延期 to 90 days from filing (its end must lie in a year the holiday calendar covers, or the engine refuses it).
  return o.extend ? s.extend('当事人申请听证，经负责人批准延长办案期限', 1) : s.wait(1);
}

function schedule(s: ProcedureScript, workingDaysAhead = 8): ProcedureScript {
  return s.wait(1).step('head', 'schedule-hearing', {
    hearingAt: `${s.workingDaysLater(workingDaysAhead)}T09:30:00+08:00`,
    presidingOfficerId: s.user('officer-3'),
    location: '本局三楼听证室',
  });
}

export const HEARING = [
  scenario(
    {
      key: 'hearing-held-paid-guiyang',
      agency: '431021',
      opened: { daysAgo: 246 },
      source: 'inspection',
      industry: 'mining',
      party: organization('431021', '桂阳县荷叶镇鑫源铅锌矿', '首国平', '桂阳县荷叶镇'),
      violations: [{ code: 'AQ-99', description: '提升系统安全保护装置未定期检测检验', provisions: ['安全生产法 Art. 99'] }],
      summary: '非煤矿山提升系统保护装置超期未检',
    },
    (s) =>
      schedule(toHearing(s, '主井提升机防坠器超期未检验，已责令停用', 45000, { extend: true }))
        .wait(8)
        .step('officer-3', 'record-hearing', {
          attended: true,
          summary: '当事人对事实无异议，请求考虑已停产整改从轻处罚',
          transcriptHash: s.hash('听证笔录'),
        })
        .reviewAndDiscuss(2, '听证意见不足以改变处罚，维持拟处罚意见')
        .decide(1)
        .serve()
        .publish()
        .pay(9)
        .close('听证后作出处罚决定，罚款已缴清，结案'),
  ),
  scenario(
    {
      key: 'hearing-forfeited-yizhang',
      agency: '431022',
      opened: { daysAgo: 140 },
      source: 'inspection',
      industry: 'hazardous_chemicals',
      party: organization('431022', '宜章县瑶岗仙化工贸易有限公司', '曾德华', '宜章县瑶岗仙镇'),
      violations: [{ code: 'AQ-99', description: '危险化学品仓库防爆电气设施损坏未修复', provisions: ['安全生产法 Art. 99'] }],
      summary: '仓库防爆电气设施损坏',
    },
    (s) =>
      schedule(toHearing(s, '仓库3处防爆灯具损坏，长期未修复', 35000, { extend: true }))
        .wait(8)
        .step('officer-3', 'record-hearing', { attended: false, summary: '当事人经合法通知无正当理由未到场，视为放弃听证' })
        .reviewAndDiscuss(1)
        .decide(1)
        .serve()
        .publish()
        .pay(12)
        .close('罚款已缴清，结案'),
  ),
  scenario(
    {
      key: 'hearing-held-review-zixing',
      agency: '431081',
      opened: { workingDaysAgo: 33 },
      source: 'inspection',
      industry: 'mining',
      party: organization('431081', '资兴市三都煤矿有限公司', '曹国强', '资兴市三都镇'),
      violations: [{ code: 'AQ-99', description: '井下瓦斯监测传感器未定期校验', provisions: ['安全生产法 Art. 99'] }],
      summary: '煤矿瓦斯传感器超期未校验',
    },
    (s) =>
      schedule(toHearing(s, '采煤工作面2台瓦斯传感器超期未校验', 40000, { extend: false }))
        .wait(8)
        .step('officer-3', 'record-hearing', { attended: true, summary: '当事人提交校验报告复印件，称已完成校验' })
        .step('reviewer', 'record-legal-review', { outcome: 'returned', legalBasisCorrect: true, opinion: '听证中提出的新证据需补充核实' }),
  ),
  scenario(
    {
      key: 'hearing-scheduled-city',
      agency: '431000',
      opened: { workingDaysAgo: 17 },
      source: 'accident',
      industry: 'construction',
      party: organization('431002', '湖南郴建建设集团有限公司', '刘永红', '郴州市北湖区五岭大道'),
      violations: [{ code: 'AQ-99', description: '塔式起重机安全装置失效导致一般事故', provisions: ['安全生产法 Art. 99'] }],
      summary: '市局直办：塔吊安全装置失效引发一般生产安全事故（无人员伤亡）',
      major: true,
    },
    (s) => schedule(toHearing(s, '塔吊力矩限制器失效，致吊物坠落', 50000, { extend: false })),
  ),
  scenario(
    {
      key: 'hearing-requested-yongxing',
      agency: '431023',
      opened: { workingDaysAgo: 16 },
      source: 'inspection',
      industry: 'hazardous_chemicals',
      party: organization('431023', '永兴县银都贵金属冶炼有限公司', '侯志勇', '永兴县柏林镇'),
      violations: [{ code: 'AQ-99', description: '氰化物储存场所视频监控和报警设施不完好', provisions: ['安全生产法 Art. 99'] }],
      summary: '剧毒化学品储存场所监控报警设施不完好',
    },
    (s) => toHearing(s, '剧毒品库视频监控故障两周未修复', 32000, { extend: false }),
  ),
];
