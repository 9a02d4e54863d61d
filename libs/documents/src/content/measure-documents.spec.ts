import { CaseEvent } from '@workflows/enforcement-case';
import { buildDocument } from './build-document';
import { DocumentKind } from './document-model';
import { DocumentDataMissingError, DocumentNotProducedError } from './document-refusals';
import { documentText } from '../testing/document-text';
import { expectDocument, expectNotProduced, missingFields, refusal } from '../testing/document-expectations';
import {
  AGENCY_WITHOUT_REMEDY_BODIES,
  SAMPLE_AGENCY,
  missingFrom,
  sampleEvents,
  sampleInput,
  withoutPartyAddress,
} from '../testing/sample-case';
import { measureEvents, measuresInput, rejectedEvents } from '../testing/sample-measures';

const OFFICERS = '李执法（执法证号：43100220260001）、张执法（执法证号：43100220260002）';
const REMEDIES = ['六十日内向郴州市北湖区人民政府申请行政复议', '六个月内依法向郴州市北湖区人民法院提起行政诉讼'];

/** The events with the last one's data changed (a variant of the sample's producing step). */
function withLast(events: CaseEvent[], change: (data: any) => object): CaseEvent[] {
  const last = events[events.length - 1] as { data: object };
  return [...events.slice(0, -1), { ...last, data: { ...last.data, ...change(last.data) } } as CaseEvent];
}

describe('documents of the investigation and the measures, from the events and the registry', () => {
  it('现场检查记录: case, party, time, inspectors with their certificates, what was found, the hash, the signature boxes', () => {
    expectDocument(
      'inspection-record',
      measuresInput(),
      { issuer: '北湖区应急管理局', title: '现场检查记录', number: '北应急立〔2026〕3号', date: '2026-09-03' },
      [
        '郴州市某化工有限公司',
        '91431000MA4L0XXX0X',
        '超量储存危险化学品',
        '二〇二六年九月三日 09:30',
        OFFICERS,
        '二号仓库内储存危险化学品约十二吨，超过设计储存量',
        'a'.repeat(64),
        '被检查单位负责人签名',
      ],
    );
  });

  it('询问笔录 and 抽样取证凭证 from their records; a record without a description has no content row', () => {
    const inquiry = documentText(buildDocument('inquiry-record', measuresInput()));
    expect(missingFrom(inquiry, ['询问笔录', '询问时间', '二〇二六年九月四日 10:00', OFFICERS, '仓库保管员陈述', '被询问人签名'])).toEqual(
      [],
    );
    const text = expectDocument('sampling-record', measuresInput(), { title: '抽样取证凭证', date: '2026-09-04' }, [
      '抽取危险化学品样品两份',
      '二〇二六年九月四日 14:00',
      OFFICERS,
      'd'.repeat(64),
      '被抽样单位（人）签名',
    ]);
    expect(text).not.toContain('抽样情况');
  });

  it('an investigative record names every officer whose certificate the registry lacks', () => {
    const error = refusal('inspection-record', sampleInput(sampleEvents('EvidenceRecorded')));
    expect(error).toBeInstanceOf(DocumentDataMissingError);
    expect(missingFields(error)).toEqual(['person(u-officer-1).certificate', 'person(u-officer-2).certificate']);
  });

  it('责令限期整改指令书: number with 责改, the problems, items and deadline, the basis, the re-inspection and the remedies', () => {
    expectDocument(
      'rectification-order',
      measuresInput(),
      { title: '责令限期整改指令书', number: '北应急责改〔2026〕3号', date: '2026-09-03' },
      [
        '郴州市某化工有限公司：',
        '经查，你单位存在超量储存危险化学品的问题',
        '依据《安全生产法》第六十五条的规定，现责令你单位于二〇二六年九月二十日前对下列事项整改完毕',
        '1. 清理超量储存的危险化学品；',
        '2. 按设计储存量重新核定仓库储存上限。',
        '整改期限届满之日起十日内（二〇二六年九月三十日前）对整改情况进行复查',
        ...REMEDIES,
        '二〇二六年九月三日',
      ],
    );
  });

  it('整改复查意见书: number with 复查, the order it checks, the officers, what they found and the conclusion', () => {
    expectDocument('reinspection-opinion', measuresInput(), { number: '北应急复查〔2026〕3号', date: '2026-09-21' }, [
      '本机关于二〇二六年九月三日作出《责令限期整改指令书》（北应急责改〔2026〕3号），责令你单位于二〇二六年九月二十日前整改完毕',
      `二〇二六年九月二十一日，本机关执法人员${OFFICERS}对整改情况进行了复查`,
      '超量储存的危险化学品已清理，储存上限已重新核定。',
      '复查意见：整改合格。',
      '被复查单位负责人签名',
    ]);
    const events = measureEvents('ReinspectionRecorded');
    const failed = documentText(
      buildDocument('reinspection-opinion', measuresInput(withLast(events, () => ({ result: 'failed', findings: '仍超量储存' })))),
    );
    expect(missingFrom(failed, ['仍超量储存。', '复查意见：整改不合格。', '将依法处理'])).toEqual([]);
  });

  it('查封(扣押)决定书: what 行政强制法第二十四条 requires — party and address, reason, basis, term, things, remedies', () => {
    expectDocument(
      'seizure-decision',
      measuresInput(),
      { title: '查封(扣押)决定书', number: '北应急查扣〔2026〕3号', date: '2026-09-03' },
      [
        '郴州市北湖区人民西路1号',
        '因防止转移、灭失，依据《安全生产法》第六十五条、《行政强制法》第二十二条的规定',
        '1. 超量储存的危险化学品',
        '12吨',
        '查封（扣押）期限为三十日，自二〇二六年九月三日起至二〇二六年十月八日止',
        ...REMEDIES,
        '当事人签收',
      ],
    );
  });

  it('refuses a 查封(扣押)决定书 without the party’s address, a quantity or the remedy bodies, naming each', () => {
    const events = withoutPartyAddress(withLast(measureEvents('SeizureImposed'), (d) => ({ items: [{ name: d.items[0].name }] })));
    const error = refusal('seizure-decision', measuresInput(events, AGENCY_WITHOUT_REMEDY_BODIES));
    expect(error).toBeInstanceOf(DocumentDataMissingError);
    expect(missingFields(error)).toEqual(['party.address', 'items[0].quantity', 'agency.reconsiderationBody', 'agency.litigationCourt']);
  });

  it('解除查封(扣押)决定书: the decision it ends, the reason, the things returned; none when they were confiscated', () => {
    expectDocument('seizure-release-decision', measuresInput(), { number: '北应急解扣〔2026〕3号', date: '2026-09-22' }, [
      '本机关于二〇二六年九月三日以《查封(扣押)决定书》（北应急查扣〔2026〕3号）对你单位的超量储存的危险化学品（12吨）予以查封（扣押）',
      '因已整改完毕，不再需要查封扣押，依据《中华人民共和国行政强制法》第二十八条的规定',
      '立即退还财物',
    ]);
    const confiscated = withLast(measureEvents('SeizureReleased'), () => ({ disposition: 'confiscated' }));
    const error = refusal('seizure-release-decision', measuresInput(confiscated));
    expect(error).toBeInstanceOf(DocumentNotProducedError);
    expect(error.message).toContain('依法没收');
  });

  it('案件延期办结审批表: the period before, the reason, the new last day, the tier and the approver', () => {
    expectDocument(
      'extension-approval',
      measuresInput(),
      { title: '案件延期办结审批表', number: '北应急立〔2026〕3号', date: '2026-09-25' },
      [
        '立案日期',
        '二〇二六年九月二日',
        '原办结期限',
        '二〇二六年十月九日',
        '样品检验鉴定尚未完成',
        '立案之日起九十日（二〇二六年十二月一日）',
        '本机关负责人批准（延长至九十日）',
        '李执法、张执法',
        '赵局长',
        '二〇二六年九月二十五日',
      ],
    );
  });

  it('不予立案告知书: the party, what was examined, the reason; in the entrusting agency’s name for an entrusted organisation', () => {
    expectDocument(
      'filing-refusal-notice',
      measuresInput(rejectedEvents()),
      { issuer: '北湖区应急管理局', title: '不予立案告知书', number: '', date: '2026-09-02' },
      [
        '郴州市某化工有限公司：',
        '本机关对你单位涉嫌超量储存危险化学品一事（案件来源：监督检查，发现日期：二〇二六年八月三十日）进行了审查',
        '经审查，仓库储存量未超过设计储存量，不构成违法。本机关决定不予立案。',
        '二〇二六年九月二日',
      ],
    );
    const squad = { id: 'ag-squad', name: '北湖区应急管理综合执法大队', shortName: '北应急队', entrustedBy: SAMPLE_AGENCY.id };
    const [opened, rejected] = rejectedEvents();
    const bySquad = [{ ...opened, data: { ...opened.data, agencyId: squad.id } } as CaseEvent, rejected];
    expect(buildDocument('filing-refusal-notice', measuresInput(bySquad, SAMPLE_AGENCY, [squad])).issuer).toBe('北湖区应急管理局');
  });

  it('refuses each before the step that produces it, naming the command', () => {
    const filed = measuresInput(measureEvents('CaseFiled'));
    const producedBy: [DocumentKind, string][] = [
      ['filing-refusal-notice', 'reject-filing'],
      ['inspection-record', 'record-evidence'],
      ['inquiry-record', 'record-evidence'],
      ['sampling-record', 'record-evidence'],
      ['rectification-order', 'issue-rectification-order'],
      ['reinspection-opinion', 'record-reinspection'],
      ['seizure-decision', 'impose-seizure'],
      ['seizure-release-decision', 'release-seizure'],
      ['extension-approval', 'extend-handling-period'],
    ];
    expectNotProduced(producedBy.map(([kind, command]) => [kind, filed, command]));
    expectNotProduced(producedBy.map(([kind]) => [kind, measuresInput([]), 'open-case']));
    // An order without its re-inspection yet, a seizure still in force.
    expect(refusal('reinspection-opinion', measuresInput(measureEvents('RectificationOrdered')))).toBeInstanceOf(DocumentNotProducedError);
    expect(refusal('seizure-release-decision', measuresInput(measureEvents('RectificationOrdered')))).toBeInstanceOf(
      DocumentNotProducedError,
    );
  });

  it('refuses a rectification order whose agency names no remedy bodies', () => {
    const error = refusal('rectification-order', measuresInput(measureEvents(), AGENCY_WITHOUT_REMEDY_BODIES));
    expect(missingFields(error)).toEqual(['agency.reconsiderationBody', 'agency.litigationCourt']);
  });
});
