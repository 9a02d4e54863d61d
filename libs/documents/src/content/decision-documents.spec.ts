import { CaseEvent } from '@workflows/enforcement-case';
import { buildDocument } from './build-document';
import { DocumentKind } from './document-model';
import { DocumentNotProducedError } from './document-refusals';
import { documentText } from '../testing/document-text';
import { expectDocument, expectNotProduced, missingFields, refusal } from '../testing/document-expectations';
import { AGENCY_WITHOUT_REMEDY_BODIES, SAMPLE_AGENCY, event, sampleEvents, sampleInput, withoutPartyAddress } from '../testing/sample-case';
import { TRANSCRIPT_HASH, courtEnforcementEvents, hearingEvents, noPenaltyEvents, referralEvents } from '../testing/sample-decisions';

describe('hearing, review and decision documents from the events', () => {
  it('听证会通知书: its number with the kind code 听通, the request, time, place and presiding officer, and the rights of 行政处罚法第六十四条', () => {
    expectDocument(
      'hearing-notice',
      sampleInput(hearingEvents()),
      { issuer: '北湖区应急管理局', number: '北应急听通〔2026〕3号', date: '2026-09-15' },
      [
        '郴州市某化工有限公司：',
        '于二〇二六年九月十四日提出的听证申请',
        '《中华人民共和国行政处罚法》第六十三条、第六十四条',
        '罚款人民币叁万伍仟元整（35,000.00元）',
        '二〇二六年九月二十五日 09:30',
        '北湖区应急管理局听证室',
        '王主持',
        '委托一至二人代理',
        '有权申请回避',
        '视为放弃听证权利',
        '二〇二六年九月十五日',
      ],
    );
  });

  it('听证笔录 and 听证会报告书: the hearing as recorded, its transcript hash, and the signatures the law asks for', () => {
    expectDocument('hearing-record', sampleInput(hearingEvents()), { number: '北应急立〔2026〕3号', date: '2026-09-25' }, [
      '郴州市某化工有限公司',
      '王主持',
      '当事人对违法事实无异议，请求从轻处罚',
      `SHA-256：${TRANSCRIPT_HASH}`,
      '当事人或者代理人核对签名',
    ]);
    expectDocument('hearing-report', sampleInput(hearingEvents()), {}, [
      '罚款人民币叁万伍仟元整（35,000.00元）（依据《安全生产法》第九十九条；二〇二六年九月十一日告知）',
      '二〇二六年九月十四日',
      '听证已举行',
      '负责人审阅意见',
    ]);
  });

  it('a hearing the party stayed away from is recorded as forfeited (行政处罚法第六十四条第六项)', () => {
    const events = hearingEvents().slice(0, -3);
    events.push({ ...hearingEvents()[7], type: 'HearingForfeited', data: { summary: '当事人未到场' } } as CaseEvent);
    const t = documentText(buildDocument('hearing-record', sampleInput(events)));
    expect(t).toContain('视为放弃听证权利，听证终止（《中华人民共和国行政处罚法》第六十四条第六项）');
    expect(t).not.toContain('SHA-256');
  });

  it('法制审核意见书 and 集体讨论记录: the proposal judged, the reviewer and the heads by name, their opinion and conclusion', () => {
    expectDocument('legal-review-opinion', sampleInput(hearingEvents()), {}, [
      '北应急立〔2026〕3号',
      '于2026年8月30日在仓库超量储存危险化学品',
      '给予行政处罚：罚款人民币叁万伍仟元整（35,000.00元）（依据《安全生产法》第九十九条）',
      '事实清楚，证据确凿，适用法律正确',
      '审核通过',
      '陈法制',
      '二〇二六年九月二十八日',
    ]);
    expectDocument('collective-deliberation', sampleInput(hearingEvents()), {}, [
      '二〇二六年九月二十九日 10:00',
      '赵局长',
      '赵局长、孙副局长、陈法制',
      '同意罚款人民币叁万伍仟元',
      '参加人员签名',
    ]);
  });

  it('不予行政处罚决定书: its decision number, party and address, facts, reasons and basis, and the remedies with bodies and periods', () => {
    expectDocument(
      'no-penalty-decision',
      sampleInput(noPenaltyEvents()),
      { title: '不予行政处罚决定书', number: '北应急罚〔2026〕8号', date: '2026-09-11' },
      [
        '郴州市北湖区人民西路1号',
        '91431000MA4L0XXX0X',
        '违法行为轻微并已当场改正，没有造成危害后果',
        '当事人已当场改正。本机关认为，本案违法行为轻微，依法可以不予行政处罚。',
        '依据《行政处罚法》第三十三条和《中华人民共和国行政处罚法》第五十七条第一款第二项的规定',
        '六十日内向郴州市北湖区人民政府申请行政复议',
        '六个月内依法向郴州市北湖区人民法院提起行政诉讼',
        '二〇二六年九月十一日',
      ],
    );
    // A later penalty decision replaces it.
    const penaltyAfter = [...noPenaltyEvents(), sampleEvents('PenaltyDecided').at(-1)!];
    expect(refusal('no-penalty-decision', sampleInput(penaltyAfter))).toBeInstanceOf(DocumentNotProducedError);
  });

  it('送达回证 of a 不予行政处罚决定书: the decision served, its number, the recipient and the method', () => {
    const served = event({ type: 'DecisionServed', data: { method: 'post', rulesVersion: 'hn-2026.1', deadlines: [] } }, '2026-09-14');
    expectDocument('service-receipt', sampleInput([...noPenaltyEvents(), served]), { number: '北应急罚〔2026〕8号', date: '2026-09-14' }, [
      '不予行政处罚决定书（北应急罚〔2026〕8号）',
      '邮寄送达',
      '二〇二六年九月十四日',
    ]);
    expectNotProduced([['service-receipt', sampleInput(noPenaltyEvents()), 'serve-decision']]);
  });

  it('罚款催缴通知书: what is owed, the surcharge to the day of the urge (3% a day, 24 days), where to pay', () => {
    expectDocument(
      'payment-reminder',
      sampleInput(courtEnforcementEvents('EnforcementUrged')),
      { title: '罚款催缴通知书', number: '北应急催缴〔2026〕3号', date: '2026-11-02' },
      [
        '北应急罚〔2026〕7号行政处罚决定书对你单位处以罚款人民币叁万伍仟元整（35,000.00元）',
        '缴纳期限已于二〇二六年十月九日届满',
        '已缴纳人民币伍仟元整（5,000.00元），尚欠罚款人民币叁万元整（30,000.00元）',
        '《中华人民共和国行政处罚法》第七十二条第一款第一项',
        '截至二〇二六年十一月二日，加处罚款为人民币贰万伍仟贰佰元整（25,200.00元）',
        '十个工作日内',
        '缴至中国农业银行郴州北湖支行',
      ],
    );
    expectNotProduced([['payment-reminder', sampleInput(courtEnforcementEvents('PaymentRecorded')), 'issue-enforcement-urge']]);
  });

  it('履行行政决定催告书: the period, the amount still owed in figures and capitals, where to pay, and the right to state and defend', () => {
    expectDocument(
      'enforcement-demand',
      sampleInput(courtEnforcementEvents('EnforcementUrged')),
      { number: '北应急催告〔2026〕3号', date: '2026-11-02' },
      [
        '北应急罚〔2026〕7号行政处罚决定书',
        '已缴纳人民币伍仟元整（5,000.00元），尚欠人民币叁万元整（30,000.00元）',
        '应当于二〇二六年十月九日前缴纳',
        '《中华人民共和国行政强制法》第三十五条、第五十四条',
        '十个工作日内',
        '缴至中国农业银行郴州北湖支行',
        '每日按罚款数额的百分之三加处罚款',
        '有权进行陈述和申辩',
        '申请人民法院强制执行',
      ],
    );
  });

  it('强制执行申请书: to the court named, the parties, what is to be enforced, the decision and the urging, signed by the head', () => {
    expectDocument(
      'enforcement-application',
      sampleInput(courtEnforcementEvents()),
      { number: '北应急强执申〔2026〕3号', date: '2027-04-06' },
      [
        '此致\n郴州市北湖区人民法院',
        '被申请人',
        '郴州市北湖区人民西路1号',
        '尚欠的罚款人民币叁万元整（30,000.00元）',
        '依据《安全生产法》第九十九条',
        '以直接送达方式送达',
        '在法定期限内未申请行政复议，也未提起行政诉讼',
        '以北应急催告〔2026〕3号履行行政决定催告书催告',
        '第五十三条、第五十四条、第五十五条',
        '行政机关负责人签名',
        '二〇二七年四月六日',
      ],
    );
  });

  it('涉嫌犯罪案件移送书: to the police, the offence, the team and the approval, and the materials sent (not itself)', () => {
    const t = expectDocument('criminal-referral', sampleInput(referralEvents()), { number: '北应急移〔2026〕3号', date: '2026-09-05' }, [
      '郴州市公安局北湖分局：',
      '涉嫌重大责任事故罪（刑法第一百三十四条第一款）',
      '专案组（李执法、张执法）',
      '于二〇二六年九月五日批准移送（同意移送）',
      '《行政执法机关移送涉嫌犯罪案件的规定》第三条、第五条、第六条',
      '1. 涉嫌犯罪案件调查报告',
      '2. 涉案物品清单',
      '公安机关接收人签名（回执）',
    ]);
    expect(t).not.toContain('1. 涉嫌犯罪案件移送书');
  });
});

describe('refusals of the decision and enforcement documents', () => {
  it('before the step that produces each, naming the command', () => {
    const before: [DocumentKind, CaseEvent[], string][] = [
      ['hearing-notice', sampleEvents('PenaltyNoticeServed'), 'schedule-hearing'],
      ['hearing-record', hearingEvents().slice(0, -3), 'record-hearing'],
      ['hearing-report', hearingEvents().slice(0, -3), 'record-hearing'],
      ['legal-review-opinion', hearingEvents().slice(0, -2), 'record-legal-review'],
      ['collective-deliberation', hearingEvents().slice(0, -1), 'record-collective-discussion'],
      ['no-penalty-decision', noPenaltyEvents().slice(0, -1), 'decide'],
      ['enforcement-demand', courtEnforcementEvents('PaymentRecorded'), 'issue-enforcement-urge'],
      ['enforcement-application', courtEnforcementEvents('EnforcementUrged'), 'apply-court-enforcement'],
      ['criminal-referral', referralEvents().slice(0, -1), 'transfer-to-police'],
    ];
    expectNotProduced(before.map(([kind, events, command]) => [kind, sampleInput(events), command]));
  });

  it('a decision not to penalize without the remedy bodies or the party address, naming every field', () => {
    const events = withoutPartyAddress(noPenaltyEvents());
    expect(missingFields(refusal('no-penalty-decision', sampleInput(events, AGENCY_WITHOUT_REMEDY_BODIES)))).toEqual([
      'agency.reconsiderationBody',
      'agency.litigationCourt',
      'party.address',
    ]);
  });

  it('a demand or an application without the payment account, the payment due date or the presiding officer’s name', () => {
    const { finePayment: _f, ...noAccount } = SAMPLE_AGENCY;
    expect(missingFields(refusal('enforcement-demand', sampleInput(courtEnforcementEvents('EnforcementUrged'), noAccount)))).toEqual([
      'agency.finePayment',
    ]);
    // Served without a payment deadline recorded: the period the demand counts from is unknown.
    const noDue = courtEnforcementEvents().map((e) =>
      e.type === 'DecisionServed' ? ({ ...e, data: { ...e.data, deadlines: [] } } as CaseEvent) : e,
    );
    expect(missingFields(refusal('enforcement-application', sampleInput(noDue)))).toEqual(['paymentDueDate']);
    const strange = hearingEvents().map((e) =>
      e.type === 'HearingScheduled' ? ({ ...e, data: { ...e.data, presidingOfficerId: 'u-unknown' } } as CaseEvent) : e,
    );
    expect(missingFields(refusal('hearing-notice', sampleInput(strange)))).toEqual(['person(u-unknown).name']);
  });

  it('a referral whose case number does not fit the agency’s format', () => {
    const events = referralEvents();
    const filed = events[1] as { data: { caseNo: string } };
    filed.data = { ...filed.data, caseNo: '某号' };
    expect(missingFields(refusal('criminal-referral', sampleInput(events)))).toEqual(['caseNo']);
  });
});
