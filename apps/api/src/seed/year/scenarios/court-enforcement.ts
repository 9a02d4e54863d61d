import { addMonths } from '@app/calendar';
import { ProcedureScript, fine, scenario } from '../procedure';
import { organization } from '../parties';

/**
 * 申请法院强制执行 (行政强制法第五十三、五十四条): the fine unpaid past its 15 days (the scheduler records the miss), a
 * written urge, then — after the six months for a lawsuit have run and at least 10 working days after the urge —
 * the application to the court, within three months.
 */
function unpaid(s: ProcedureScript, amountYuan: number, findings: string): ProcedureScript {
  return s
    .penaltyTrunk(fine(amountYuan, '安全生产法 Art. 102', 'AQ-102', amountYuan > 25000 ? 'serious' : 'general'), findings)
    .publish()
    .waitDays(25)
    .step('officer-1', 'issue-enforcement-urge', {});
}

/** Seven months after service: past the litigation window, inside the court application's three months. */
function applyToCourt(s: ProcedureScript, court: string): ProcedureScript {
  return s.waitUntil(addMonths(s.time.calendar, s.servedOn!, 7)).step('head', 'apply-court-enforcement', { court });
}

export const COURT_ENFORCEMENT = [
  scenario(
    {
      key: 'court-executed-closed-guiyang',
      agency: '431021',
      opened: { daysAgo: 320 },
      source: 'inspection',
      industry: 'mining',
      party: organization('431021', '桂阳县正和采石场', '欧阳军', '桂阳县正和镇'),
      violations: [{ code: 'AQ-102', description: '采场边坡隐患未采取措施消除', provisions: ['安全生产法 Art. 102'] }],
      summary: '采石场高陡边坡隐患拒不整改',
    },
    (s) =>
      applyToCourt(unpaid(s, 20000, '边坡超高超陡，多次责令仍未消除隐患'), '桂阳县人民法院')
        .wait(15)
        .step('officer-1', 'record-court-ruling', { outcome: 'enforce', reason: '准予强制执行' })
        .wait(20)
        .step('officer-2', 'record-court-execution', { summary: '法院已划拨罚款', amountYuan: 20000 })
        .close('经法院强制执行完毕，结案', 3),
  ),
  scenario(
    {
      key: 'court-ruled-yizhang',
      agency: '431022',
      opened: { daysAgo: 312 },
      source: 'inspection',
      industry: 'construction',
      party: organization('431022', '宜章县鑫达建筑劳务有限公司', '李建华', '宜章县梅田镇'),
      violations: [{ code: 'AQ-102', description: '脚手架搭设不规范未消除隐患', provisions: ['安全生产法 Art. 102'] }],
      summary: '脚手架隐患未消除，罚款逾期未缴',
    },
    (s) =>
      applyToCourt(unpaid(s, 15000, '外脚手架连墙件缺失，未按要求整改'), '宜章县人民法院')
        .wait(10)
        .step('officer-1', 'record-court-ruling', { outcome: 'enforce', reason: '裁定准予强制执行，待执行' }),
  ),
  scenario(
    {
      key: 'court-applied-jiahe',
      agency: '431024',
      opened: { daysAgo: 303 },
      source: 'complaint',
      industry: 'special_equipment',
      party: organization('431024', '嘉禾县锻造厂', '彭建军', '嘉禾县行廊镇'),
      violations: [{ code: 'AQ-102', description: '锻造车间行车隐患未消除', provisions: ['安全生产法 Art. 102'] }],
      summary: '行车钢丝绳断丝超标未更换，罚款逾期未缴',
    },
    (s) => applyToCourt(unpaid(s, 28000, '行车钢丝绳断丝超标仍在使用'), '嘉禾县人民法院'),
  ),
  scenario(
    {
      key: 'payment-overdue-linwu',
      agency: '431025',
      opened: { daysAgo: 92 },
      source: 'inspection',
      industry: 'hazardous_chemicals',
      party: organization('431025', '临武县通达加油站', '邓国华', '临武县舜峰镇'),
      violations: [{ code: 'AQ-102', description: '加油站卸油区静电接地装置失效', provisions: ['安全生产法 Art. 102'] }],
      summary: '加油站静电接地失效，罚款逾期未缴',
    },
    (s) => s.penaltyTrunk(fine(12000, '安全生产法 Art. 102', 'AQ-102', 'general'), '卸油区静电接地电阻超标').publish(),
  ),
];
