import { fine, scenario } from '../procedure';
import { organization } from '../parties';

/** 行政复议 (行政复议法第二十条): the penalty stands meanwhile (行政处罚法第七十三条); upheld, or revoked (the case ends in 撤销). */
export const REMEDIES = [
  scenario(
    {
      key: 'revoked-closed-anren',
      agency: '431028',
      opened: { daysAgo: 210 },
      source: 'complaint',
      industry: 'special_equipment',
      party: organization('431028', '安仁县永乐江电梯工程有限公司', '侯国华', '安仁县安平镇'),
      violations: [{ code: 'AQ-99', description: '电梯维保单位未按规定检测安全装置', provisions: ['安全生产法 Art. 99'] }],
      summary: '经行政复议撤销处罚决定',
    },
    (s) =>
      s
        .penaltyTrunk(fine(11000, '安全生产法 Art. 99', 'AQ-99', 'general'), '维保记录显示安全钳未检测')
        .publish()
        .wait(10)
        .step('officer-1', 'record-remedy', { kind: 'reconsideration', body: '郴州市人民政府' })
        .wait(40)
        .step('officer-1', 'record-remedy-outcome', { outcome: 'revoked' })
        .close('处罚决定经行政复议撤销，已撤回公示，结案', 5),
  ),
  scenario(
    {
      key: 'revoked-open-yizhang',
      agency: '431022',
      opened: { daysAgo: 120 },
      source: 'inspection',
      industry: 'gas',
      party: organization('431022', '宜章县莽山燃气有限公司', '钟建国', '宜章县莽山瑶族乡'),
      violations: [{ code: 'AQ-99', description: '燃气管道阀门井可燃气体检测设施缺失', provisions: ['安全生产法 Art. 99'] }],
      summary: '诉讼中法院判决撤销处罚决定',
    },
    (s) =>
      s
        .penaltyTrunk(fine(14000, '安全生产法 Art. 99', 'AQ-99', 'general'), '3处阀门井未设检测设施')
        .publish()
        .wait(15)
        .step('officer-1', 'record-remedy', { kind: 'litigation', body: '宜章县人民法院' })
        .wait(35)
        .step('officer-1', 'record-remedy-outcome', { outcome: 'revoked' }),
  ),
  scenario(
    {
      key: 'reconsideration-upheld-suxian',
      agency: '431003',
      opened: { daysAgo: 165 },
      source: 'inspection',
      industry: 'hazardous_chemicals',
      party: organization('431003', '郴州市苏仙区宏达危险品运输有限公司', '罗建', '郴州市苏仙区坳上镇'),
      violations: [{ code: 'AQ-97-3', description: '危险品运输押运员未经培训', provisions: ['安全生产法 Art. 97'] }],
      summary: '行政复议维持原处罚决定',
    },
    (s) =>
      s
        .penaltyTrunk(fine(22000, '安全生产法 Art. 97', 'AQ-97-3', 'general'), '2名押运员未经安全培训')
        .publish()
        .step('officer-1', 'record-remedy', { kind: 'reconsideration', body: '郴州市人民政府' })
        .pay(5)
        .wait(30)
        .step('officer-1', 'record-remedy-outcome', { outcome: 'upheld' })
        .close('复议维持，罚款已缴清，结案', 2),
  ),
];
