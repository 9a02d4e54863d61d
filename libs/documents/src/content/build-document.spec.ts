import { CaseEvent } from '@workflows/enforcement-case';
import { buildDocument } from './build-document';
import { DocumentDataMissingError, DocumentNotProducedError } from './document-refusals';
import { documentText } from '../testing/document-text';
import { SAMPLE_AGENCY, missingFrom, sampleEvents, sampleInput } from '../testing/sample-case';
import { measureEvents, measuresInput } from '../testing/sample-measures';

const text = documentText;

describe('document content from the events and the registry', () => {
  it('行政处罚告知书: number with the kind code, facts, basis, the fine in figures and capitals, and both rights with their periods', () => {
    const doc = buildDocument('penalty-notice', sampleInput());
    expect(doc).toMatchObject({ issuer: '北湖区应急管理局', title: '行政处罚告知书', number: '北应急罚告〔2026〕3号', date: '2026-09-11' });
    const t = text(doc);
    expect(
      missingFrom(t, [
        '郴州市某化工有限公司：',
        '违反了《安全生产法》第三十六条的规定，依据《安全生产法》第九十九条的规定',
        '罚款人民币叁万伍仟元整（35,000.00元）',
        '三个工作日内（二〇二六年九月十六日前）',
        '有权要求举行听证',
        '五个工作日内（二〇二六年九月十八日前）',
        '二〇二六年九月十一日',
      ]),
    ).toEqual([]);
  });

  it('leaves the 听证告知 out when the penalty gives no hearing right', () => {
    const events = sampleEvents('PenaltyNoticeServed');
    const notice = events[events.length - 1] as { data: { hearingRight: boolean; deadlines: { kind: string }[] } };
    notice.data = { ...notice.data, hearingRight: false, deadlines: notice.data.deadlines.filter((d) => d.kind === 'statement') };
    expect(text(buildDocument('penalty-notice', sampleInput(events)))).not.toContain('听证');
  });

  it('行政处罚决定书: the decision number, party and address, payment, and the remedies with their bodies and periods', () => {
    const doc = buildDocument('penalty-decision', sampleInput());
    expect(doc).toMatchObject({ number: '北应急罚〔2026〕7号', date: '2026-09-21' });
    const t = text(doc);
    expect(
      missingFrom(t, [
        '郴州市北湖区人民西路1号',
        '91431000MA4L0XXX0X',
        '罚款人民币叁万伍仟元整（35,000.00元）',
        '十五日内缴至中国农业银行郴州北湖支行',
        '六十日内向郴州市北湖区人民政府申请行政复议',
        '六个月内依法向郴州市北湖区人民法院提起行政诉讼',
        '二〇二六年九月二十一日',
      ]),
    ).toEqual([]);
  });

  it('立案审批表, 送达回证 and 结案审批表 from their steps', () => {
    const filing = text(buildDocument('filing-approval', sampleInput()));
    expect(missingFrom(filing, ['北应急立〔2026〕3号', '李执法、张执法', '赵局长'])).toEqual([]);
    const receipt = text(buildDocument('service-receipt', sampleInput()));
    expect(missingFrom(receipt, ['行政处罚决定书（北应急罚〔2026〕7号）', '直接送达', '二〇二六年九月二十二日 10:00'])).toEqual([]);
    const closing = text(buildDocument('closing-approval', sampleInput()));
    expect(closing).toContain('已缴纳罚款人民币叁万伍仟元整（35,000.00元）');
    expect(closing).toContain('罚款缴清，结案');
  });

  it('refuses a document whose step has not happened, naming the command that produces it', () => {
    const before = sampleInput(sampleEvents('PenaltyNoticeServed'));
    expect(() => buildDocument('penalty-decision', before)).toThrow(DocumentNotProducedError);
    try {
      buildDocument('penalty-decision', before);
    } catch (e) {
      expect((e as DocumentNotProducedError).producedBy).toBe('decide');
    }
    expect(() => buildDocument('closing-approval', before)).toThrow(DocumentNotProducedError);
  });

  it('refuses, naming every missing field, rather than leave a blank', () => {
    const { reconsiderationBody: _r, litigationCourt: _l, ...bare } = SAMPLE_AGENCY;
    const events = sampleEvents();
    const opened = events[0] as { data: { party: Record<string, unknown> } };
    opened.data = { ...opened.data, party: { ...opened.data.party, address: undefined } };
    let error: DocumentDataMissingError | undefined;
    try {
      buildDocument('penalty-decision', sampleInput(events, bare));
    } catch (e) {
      error = e as DocumentDataMissingError;
    }
    expect(error).toBeInstanceOf(DocumentDataMissingError);
    expect(error!.missing.map((m) => m.field)).toEqual(['agency.reconsiderationBody', 'agency.litigationCourt', 'party.address']);
  });
});

describe('the issued number a document bears', () => {
  const issued = (kind: string, number: string, revision: number): CaseEvent => ({
    type: 'DocumentIssued',
    data: { kind, number, format: 'pdf', sha256: 'e'.repeat(64), revision },
    meta: { actorId: 'u-officer-1', occurredAt: '2026-09-26T10:00:00+08:00', recordedAt: '2026-09-26T10:00:00+08:00' },
  });
  const order = measureEvents().find((e) => e.type === 'RectificationOrdered')!;
  const secondOrder = (): CaseEvent => ({ ...order, data: { ...order.data, orderId: 'r-2', deadline: '2026-10-10' } }) as CaseEvent;

  it('the latest occurrence of a repeatable kind bears the number that issued it, not the first issue of its kind', () => {
    const first = [...measureEvents(), issued('rectification-order', '北应急责改〔2026〕1号', 11)];
    expect(buildDocument('rectification-order', measuresInput(first)).number).toBe('北应急责改〔2026〕1号');
    // A second order, not issued yet: its preview number (the case's), never the first order's.
    const second = [...first, secondOrder()];
    expect(buildDocument('rectification-order', measuresInput(second))).toMatchObject({ number: '北应急责改〔2026〕3号' });
    const both = [...second, issued('rectification-order', '北应急责改〔2026〕2号', 13)];
    const doc = buildDocument('rectification-order', measuresInput(both));
    expect(doc.number).toBe('北应急责改〔2026〕2号');
    expect(documentText(doc)).toContain('二〇二六年十月十日前');
  });

  it('a kind the case produces once keeps its first issued number, whatever follows', () => {
    const events = [...measureEvents(), issued('filing-approval', '北应急立〔2026〕3号', 1), secondOrder()];
    expect(buildDocument('filing-approval', measuresInput(events)).number).toBe('北应急立〔2026〕3号');
  });

  it('a document that cites another cites it by the number it was issued under (its own occurrence, not a later one)', () => {
    const events = measureEvents();
    const at = (type: string) => events.findIndex((e) => e.type === type) + 1;
    const withIssues = [...events];
    withIssues.splice(
      at('RectificationOrdered'),
      0,
      issued('rectification-order', '北应急责改〔2026〕7号', at('RectificationOrdered') - 1),
    );
    withIssues.splice(at('SeizureImposed'), 0, issued('seizure-decision', '北应急查扣〔2026〕5号', at('SeizureImposed') - 1));
    // A later order, issued under a number of its own, is not the order the 复查 checked.
    const later = [...withIssues, secondOrder(), issued('rectification-order', '北应急责改〔2026〕8号', withIssues.length)];
    expect(documentText(buildDocument('reinspection-opinion', measuresInput(later)))).toContain(
      '《责令限期整改指令书》（北应急责改〔2026〕7号）',
    );
    expect(documentText(buildDocument('seizure-release-decision', measuresInput(withIssues)))).toContain(
      '《查封(扣押)决定书》（北应急查扣〔2026〕5号）',
    );
    // Not issued: the number derived from the case's.
    expect(documentText(buildDocument('reinspection-opinion', measuresInput(events)))).toContain(
      '《责令限期整改指令书》（北应急责改〔2026〕3号）',
    );
  });
});
