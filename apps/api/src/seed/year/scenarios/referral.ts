import { CommandBody } from '@workflows/enforcement-case';
import { ProcedureScript, fine, scenario } from '../procedure';
import { individual, organization } from '../parties';

/**
 * 涉嫌犯罪移送 (行政执法机关移送涉嫌犯罪案件的规定): a special team proposes, the head approves within 3 days, the case goes
 * to the police within 24 hours, they decide within 3 days; accepted, the items and materials are handed over within 3.
 */
function referred(s: ProcedureScript, offense: CommandBody<'propose-referral'>['offense'], report: string): ProcedureScript {
  return s
    .file()
    .evidence('inspection', '事故现场勘验笔录')
    .evidence('inquiry', '询问笔录（现场负责人）', 1)
    .wait(2)
    .step('officer-1', 'propose-referral', { offense, teamOfficerIds: s.officers, report })
    .wait(1)
    .step('head', 'approve-referral', { opinion: '同意移送公安机关' })
    .step('officer-1', 'transfer-to-police', {
      policeAgency: policeOf(s),
      documents: ['涉嫌犯罪案件移送书', '涉嫌犯罪案件调查报告', '涉案物品清单'],
    });
}

function policeOf(s: ProcedureScript): string {
  const area: Record<string, string> = {
    '431002': '郴州市公安局北湖分局',
    '431003': '郴州市公安局苏仙分局',
    '431021': '桂阳县公安局',
    '431026': '汝城县公安局',
    '431028': '安仁县公安局',
  };
  return area[s.setup.agency] ?? '郴州市公安局';
}

export const REFERRAL = [
  scenario(
    {
      key: 'transferred-closed-suxian',
      agency: '431003',
      opened: { daysAgo: 230 },
      source: 'accident',
      industry: 'construction',
      party: organization('431003', '郴州市苏仙区顺达建筑劳务有限公司', '谢建明', '郴州市苏仙区王仙岭街道'),
      violations: [{ description: '未采取安全措施致高处坠落死亡事故', provisions: ['安全生产法 Art. 114'] }],
      summary: '施工现场高处坠落事故，1人死亡，涉嫌重大责任事故罪',
      criminalIndicators: { deaths: 1, directLossYuan: 1_200_000 },
    },
    (s) =>
      referred(s, 'major_liability_accident', '现场负责人违章指挥，未设安全网，致1人坠落死亡')
        .wait(1)
        .step('officer-1', 'record-police-decision', { outcome: 'accepted' })
        .wait(1)
        .step('officer-2', 'record-handover', {
          receivedBy: '郴州市公安局苏仙分局刑侦大队',
          materials: ['现场勘验笔录', '询问笔录', '安全带实物'],
        })
        .close('案件已移送公安机关立案侦查，涉案材料已移交，结案'),
  ),
  scenario(
    {
      key: 'transferred-awaiting-rucheng',
      agency: '431026',
      opened: { workingDaysAgo: 14 },
      source: 'accident',
      industry: 'mining',
      party: organization('431026', '汝城县鑫隆矿业有限公司', '范国强', '汝城县大坪镇'),
      violations: [{ description: '非法违法组织井下作业致冒顶事故', provisions: ['安全生产法 Art. 114'] }],
      summary: '井下冒顶事故，1人死亡2人重伤，涉嫌重大责任事故罪',
      criminalIndicators: { deaths: 1, seriousInjuries: 2 },
    },
    (s) =>
      referred(s, 'major_liability_accident', '采空区未按设计支护，冒顶致1死2重伤')
        .wait(1)
        .step('officer-1', 'record-police-decision', { outcome: 'accepted' })
        .wait(1)
        .step('officer-2', 'record-handover', { receivedBy: '汝城县公安局治安大队', materials: ['事故调查报告', '现场照片'] }),
  ),
  scenario(
    {
      key: 'referral-proposed-anren',
      agency: '431028',
      opened: { workingDaysAgo: 5 },
      source: 'inspection',
      industry: 'fireworks',
      party: individual('431028', '谭某某', '1975-08-21', '安仁县龙海镇'),
      violations: [{ description: '非法储存烟花爆竹约2吨', provisions: ['烟花爆竹安全管理条例 Art. 36'] }],
      summary: '民房内非法储存烟花爆竹约2吨，涉嫌非法储存爆炸物罪',
    },
    (s) =>
      s.file().evidence('inspection', '现场检查笔录').evidence('photo', '现场照片', 0).wait(2).step('officer-1', 'propose-referral', {
        offense: 'other',
        teamOfficerIds: s.officers,
        report: '民房内储存烟花爆竹约2吨，数量巨大',
      }),
  ),
  scenario(
    {
      key: 'police-declined-resumed-beihu',
      agency: '431002',
      opened: { daysAgo: 200 },
      source: 'accident',
      industry: 'crowded_places_fire',
      party: organization('431002', '郴州市北湖区金色年华娱乐有限公司', '罗海', '郴州市北湖区青年大道'),
      violations: [{ code: 'AQ-102', description: 'KTV包厢装修使用易燃材料致火灾，2人受伤', provisions: ['安全生产法 Art. 102'] }],
      summary: 'KTV火灾致2人轻伤，移送后公安机关不予立案，恢复行政处罚程序',
      criminalIndicators: { seriousInjuries: 0, directLossYuan: 300_000 },
    },
    (s) =>
      referred(s, 'fire_liability_accident', '装修材料不符合防火要求，引发火灾')
        .wait(1)
        .step('officer-1', 'record-police-decision', { outcome: 'declined', reason: '未达到刑事立案追诉标准' })
        .wait(1)
        .step('head', 'resume-administrative-procedure', { reason: '公安机关不予立案，依法给予行政处罚' })
        .conclude(fine(24000, '安全生产法 Art. 102', 'AQ-102', 'general'), '未采取措施消除火灾隐患', 2)
        .notice()
        .waive(['statement'])
        .decide(2)
        .serve()
        .publish()
        .pay(7)
        .close('罚款已缴清，结案'),
  ),
  scenario(
    {
      key: 'decided-transfer-guiyang',
      agency: '431021',
      opened: { workingDaysAgo: 15 },
      source: 'inspection',
      industry: 'mining',
      party: organization('431021', '桂阳县大顺窿锌矿', '雷国庆', '桂阳县洋市镇'),
      violations: [{ description: '停产整顿期间擅自组织生产', provisions: ['安全生产法 Art. 113'] }],
      summary: '责令停产整顿期间擅自组织生产，审理后决定移送',
    },
    (s) =>
      s
        .file()
        .evidence('inspection', '现场检查笔录')
        .evidence('audio_video', '执法记录仪视频', 0)
        .conclude(fine(50000, '安全生产法 Art. 113'), '停产整顿期间井下有12人作业', 3)
        .wait(2)
        .step('head', 'decide', {
          outcome: 'transfer',
          legalBasis: ['刑法 Art. 134', '行政处罚法 Art. 27'],
          justification: '拒不执行停产整顿决定，涉嫌危险作业罪',
        })
        .step('officer-1', 'transfer-to-police', {
          policeAgency: '桂阳县公安局',
          documents: ['涉嫌犯罪案件移送书', '涉嫌犯罪案件调查报告'],
        })
        .wait(1)
        .step('officer-1', 'record-police-decision', { outcome: 'accepted' })
        .wait(1)
        .step('officer-2', 'record-handover', { receivedBy: '桂阳县公安局治安大队', materials: ['执法记录仪视频', '检查笔录'] }),
  ),
];
