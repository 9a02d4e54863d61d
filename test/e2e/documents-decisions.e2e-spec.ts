import { TestApp, startTestApp } from '../support/test-app';
import { documentDownloads, sha256 } from '../support/document-downloads';
import { HASH, HEAD, OFFICER_1, OFFICER_2, OFFICER_3, REVIEWER, at, evidenceBody, missingFrom, openCaseBody } from '../support/fixtures';

/**
 * The documents of the hearing, review, no-penalty, court-enforcement and referral families over real HTTP: each case
 * driven to the step that produces its documents, each document refused before that step (nothing written), then
 * rendered as PDF and DOCX and read back (pdftotext, the DOCX XML); a PDF and a DOCX rendered twice give the same bytes.
 */
const ADDRESS = '郴州市北湖区人民西路88号';
const PARTY = '郴州市北湖区测试烟花爆竹经营部';
const BASIS = ['安全生产法 Art. 99'];
const AGENCY = '北湖区应急管理局';
// The demo registry's 北湖区 bureau: head 李卫东, officers 王海涛 and 张敏, presiding officer 赵磊, legal reviewer 何静.

describe('documents (文书) of the hearing, review, decision, enforcement and referral', () => {
  let t: TestApp;
  let docs: ReturnType<typeof documentDownloads>;

  beforeAll(async () => {
    t = await startTestApp();
    docs = documentDownloads(t);
  });
  afterAll(async () => t.close());

  async function open(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await t.http.as(
      OFFICER_1,
      'POST',
      '/api/v1/cases',
      openCaseBody({ party: { ...openCaseBody().party, address: ADDRESS }, ...overrides }),
    );
    expect(res.status).toBe(201);
    return res.body.case.caseId;
  }

  async function step(id: string, user: string, command: string, body: Record<string, unknown>) {
    const res = await t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body);
    expect({ command, status: res.status, detail: res.body?.detail }).toMatchObject({ command, status: 200 });
    return res;
  }

  /** The document is refused before its step, naming the command that produces it, and nothing is written. */
  async function notYet(id: string, kind: string, producedBy: string) {
    const head = await t.http.headPosition();
    const res = await docs.download(id, kind, 'pdf');
    expect({ kind, status: res.status, problem: res.problem() }).toMatchObject({
      kind,
      status: 422,
      problem: { type: expect.stringContaining('document-not-produced'), producedBy },
    });
    expect(await t.http.headPosition()).toBe(head);
  }

  async function caseNumber(id: string): Promise<string> {
    return (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}`)).body.caseNo as string;
  }

  /** 北应急立〔2026〕12号 → 北应急{code}〔2026〕12号: the kind code in the agency's format with the case's sequence number. */
  /**
   * The number a document served or sent in its step was issued under (issued right after that step): the kind code
   * in the agency's format, the next number of its own series.
   */
  async function issuedNumber(id: string, kind: string, code: string): Promise<string> {
    const items = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/documents`)).body.items as { kind: string; number: string }[];
    const number = items.find((d) => d.kind === kind)?.number ?? '';
    expect(number).toMatch(new RegExp(`^北应急${code}〔2026〕\\d+号$`));
    return number;
  }

  it('hearing: 听证会通知书, 听证笔录, 听证会报告书, then 法制审核意见书 and 集体讨论记录', async () => {
    const id = await open();
    const fine = [{ kind: 'fine', amountYuan: 50_000 }];
    await step(id, HEAD, 'approve-filing', { occurredAt: at('2026-09-02') });
    await step(id, OFFICER_1, 'record-evidence', evidenceBody({ title: '现场检查记录' }));
    await step(id, OFFICER_1, 'conclude-investigation', {
      findings: '于2026年9月1日在仓库超量储存烟花爆竹',
      proposedOutcome: 'penalty',
      proposedPenalties: fine,
      legalBasis: BASIS,
      occurredAt: at('2026-09-25'),
    });
    await step(id, OFFICER_1, 'issue-penalty-notice', { proposedPenalties: fine, legalBasis: BASIS, occurredAt: at('2026-09-29') });
    await step(id, OFFICER_1, 'request-hearing', { occurredAt: at('2026-10-12', '16:00:00') });
    await notYet(id, 'hearing-notice', 'schedule-hearing');
    await step(id, HEAD, 'schedule-hearing', {
      hearingAt: at('2026-10-23', '09:00:00'),
      presidingOfficerId: OFFICER_3,
      location: '北湖区应急管理局听证室',
      occurredAt: at('2026-10-13'),
    });
    const caseNo = await caseNumber(id);
    for (const text of [await docs.pdfText(id, 'hearing-notice'), await docs.docxText(id, 'hearing-notice')])
      expect(
        missingFrom(text, [
          AGENCY,
          await issuedNumber(id, 'hearing-notice', '听通'),
          `${PARTY}：`,
          '于二〇二六年十月十二日提出的听证申请',
          '《中华人民共和国行政处罚法》第六十三条、第六十四条',
          '罚款人民币伍万元整（50,000.00元）',
          '二〇二六年十月二十三日09:00',
          '北湖区应急管理局听证室',
          '赵磊',
          '委托一至二人代理',
          '视为放弃听证权利',
          '二〇二六年十月十三日',
        ]),
      ).toEqual([]);

    await notYet(id, 'hearing-record', 'record-hearing');
    await step(id, OFFICER_3, 'record-hearing', {
      attended: true,
      summary: '当事人到场申辩，对违法事实无异议',
      transcriptHash: HASH,
      occurredAt: at('2026-10-23', '11:00:00'),
    });
    const record = await docs.pdfText(id, 'hearing-record');
    expect(missingFrom(record, [caseNo, PARTY, '赵磊', '当事人到场申辩，对违法事实无异议', `SHA-256：${HASH}`, '听证主持人签名'])).toEqual(
      [],
    );
    const report = await docs.docxText(id, 'hearing-report');
    expect(missingFrom(report, ['听证会报告书', '罚款人民币伍万元整（50,000.00元）', '《安全生产法》第九十九条', '听证已举行'])).toEqual(
      [],
    );

    await notYet(id, 'legal-review-opinion', 'record-legal-review');
    await step(id, REVIEWER, 'record-legal-review', {
      outcome: 'approved',
      legalBasisCorrect: true,
      opinion: '事实清楚，适用法律正确',
      occurredAt: at('2026-10-26'),
    });
    for (const text of [await docs.pdfText(id, 'legal-review-opinion'), await docs.docxText(id, 'legal-review-opinion')])
      expect(
        missingFrom(text, [
          AGENCY,
          caseNo,
          '于2026年9月1日在仓库超量储存烟花爆竹',
          '事实清楚，适用法律正确',
          '审核通过',
          '何静',
          '二〇二六年十月二十六日',
        ]),
      ).toEqual([]);

    await notYet(id, 'collective-deliberation', 'record-collective-discussion');
    await step(id, HEAD, 'record-collective-discussion', {
      participantIds: [HEAD, REVIEWER, OFFICER_3],
      conclusion: '同意罚款人民币伍万元',
      occurredAt: at('2026-10-26', '15:00:00'),
    });
    const discussion = await docs.pdfText(id, 'collective-deliberation');
    expect(missingFrom(discussion, ['集体讨论记录', '李卫东、何静、赵磊', '同意罚款人民币伍万元', '二〇二六年十月二十六日15:00'])).toEqual(
      [],
    );

    // The same bytes twice, whoever asks.
    for (const format of ['pdf', 'docx']) {
      const first = await docs.download(id, 'hearing-notice', format);
      const second = await docs.download(id, 'hearing-notice', format, HEAD);
      expect(sha256(second.bytes)).toBe(sha256(first.bytes));
    }
  });

  it('no penalty: the 不予行政处罚决定书 with its reasons, basis and remedies', async () => {
    const id = await open();
    await step(id, HEAD, 'approve-filing', { occurredAt: at('2026-09-02') });
    await step(id, OFFICER_1, 'record-evidence', evidenceBody({ title: '现场检查记录' }));
    await step(id, OFFICER_1, 'conclude-investigation', {
      findings: '违法行为轻微并及时改正，没有造成危害后果',
      proposedOutcome: 'no_penalty_minor',
      legalBasis: ['行政处罚法 Art. 33'],
      occurredAt: at('2026-09-10'),
    });
    await notYet(id, 'no-penalty-decision', 'decide');
    await step(id, HEAD, 'decide', { outcome: 'no_penalty_minor', legalBasis: ['行政处罚法 Art. 33'], occurredAt: at('2026-09-11') });
    const decisionNo = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}`)).body.decision.decisionNo as string;
    for (const text of [await docs.pdfText(id, 'no-penalty-decision'), await docs.docxText(id, 'no-penalty-decision')])
      expect(
        missingFrom(text, [
          AGENCY,
          '不予行政处罚决定书',
          decisionNo,
          PARTY,
          ADDRESS,
          '违法行为轻微并及时改正，没有造成危害后果',
          '《行政处罚法》第三十三条和《中华人民共和国行政处罚法》第五十七条第一款第二项',
          '决定对你单位不予行政处罚',
          '六十日内向郴州市北湖区人民政府申请行政复议',
          '六个月内依法向郴州市北湖区人民法院提起行政诉讼',
          '二〇二六年九月十一日',
        ]),
      ).toEqual([]);
    // A penalty decision it is not.
    expect((await docs.download(id, 'penalty-decision', 'pdf')).problem()).toMatchObject({ status: 422, producedBy: 'decide' });
    for (const format of ['pdf', 'docx']) {
      const first = await docs.download(id, 'no-penalty-decision', format);
      const second = await docs.download(id, 'no-penalty-decision', format);
      expect(sha256(second.bytes)).toBe(sha256(first.bytes));
    }
  });

  it('court enforcement: the 履行行政决定催告书 and the 强制执行申请书', async () => {
    const id = await open({ discoveredAt: '2026-01-05', occurredAt: at('2026-01-05') });
    const fine = [{ kind: 'fine', amountYuan: 8000 }];
    await step(id, HEAD, 'approve-filing', { occurredAt: at('2026-01-06') });
    await step(id, OFFICER_1, 'record-evidence', evidenceBody({ title: '现场检查记录', occurredAt: at('2026-01-07') }));
    await step(id, OFFICER_1, 'conclude-investigation', {
      findings: '于2026年1月5日在仓库超量储存烟花爆竹',
      proposedOutcome: 'penalty',
      proposedPenalties: fine,
      legalBasis: BASIS,
      occurredAt: at('2026-01-09'),
    });
    await step(id, OFFICER_1, 'issue-penalty-notice', { proposedPenalties: fine, legalBasis: BASIS, occurredAt: at('2026-01-12') });
    await step(id, OFFICER_1, 'waive-rights', { rights: ['statement'], occurredAt: at('2026-01-12', '15:00:00') });
    await step(id, HEAD, 'decide', { outcome: 'penalty', penalties: fine, legalBasis: BASIS, occurredAt: at('2026-01-14') });
    await step(id, OFFICER_1, 'serve-decision', { method: 'direct', occurredAt: at('2026-01-15') });
    await step(id, OFFICER_2, 'record-payment', { amountYuan: 3000, receiptNo: 'HN2026-0120001', occurredAt: at('2026-01-20') });
    await notYet(id, 'enforcement-demand', 'issue-enforcement-urge');
    await step(id, OFFICER_1, 'issue-enforcement-urge', { occurredAt: at('2026-07-06') });
    const decisionNo = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}`)).body.decision.decisionNo as string;
    for (const text of [await docs.pdfText(id, 'enforcement-demand'), await docs.docxText(id, 'enforcement-demand')])
      expect(
        missingFrom(text, [
          AGENCY,
          '履行行政决定催告书',
          await issuedNumber(id, 'enforcement-demand', '催告'),
          `${PARTY}：`,
          `${decisionNo}行政处罚决定书`,
          '应当于二〇二六年一月三十日前缴纳',
          '已缴纳人民币叁仟元整（3,000.00元），尚欠人民币伍仟元整（5,000.00元）',
          '《中华人民共和国行政强制法》第三十五条、第五十四条',
          '十个工作日内',
          '缴至中国农业银行郴州分行',
          '有权进行陈述和申辩',
          '二〇二六年七月六日',
        ]),
      ).toEqual([]);
    // The fine of 8,000 was due on 30 January: by 6 July the surcharge has reached the fine itself (行政处罚法第七十二条).
    for (const text of [await docs.pdfText(id, 'payment-reminder'), await docs.docxText(id, 'payment-reminder')])
      expect(
        missingFrom(text, [
          AGENCY,
          '罚款催缴通知书',
          await issuedNumber(id, 'payment-reminder', '催缴'),
          `${decisionNo}行政处罚决定书`,
          '缴纳期限已于二〇二六年一月三十日届满',
          '已缴纳人民币叁仟元整（3,000.00元），尚欠罚款人民币伍仟元整（5,000.00元）',
          '加处罚款为人民币捌仟元整（8,000.00元）',
          '缴至中国农业银行郴州分行',
        ]),
      ).toEqual([]);

    await notYet(id, 'enforcement-application', 'apply-court-enforcement');
    await step(id, HEAD, 'apply-court-enforcement', { court: '郴州市北湖区人民法院', occurredAt: at('2026-07-21') });
    for (const text of [await docs.pdfText(id, 'enforcement-application'), await docs.docxText(id, 'enforcement-application')])
      expect(
        missingFrom(text, [
          '强制执行申请书',
          await issuedNumber(id, 'enforcement-application', '强执申'),
          '此致郴州市北湖区人民法院',
          '李卫东',
          PARTY,
          ADDRESS,
          '尚欠的罚款人民币伍仟元整（5,000.00元）',
          '《安全生产法》第九十九条',
          '在法定期限内未申请行政复议，也未提起行政诉讼',
          `以${await issuedNumber(id, 'enforcement-demand', '催告')}履行行政决定催告书催告`,
          '《中华人民共和国行政强制法》第五十三条、第五十四条、第五十五条',
          '行政机关负责人签名',
          '二〇二六年七月二十一日',
        ]),
      ).toEqual([]);
  });

  it('criminal referral: the 涉嫌犯罪案件移送书 to the police', async () => {
    const id = await open({ criminalIndicators: { deaths: 1 } });
    await step(id, HEAD, 'approve-filing', { occurredAt: at('2026-09-02') });
    await step(id, OFFICER_1, 'record-evidence', evidenceBody({ title: '事故现场勘验' }));
    await step(id, OFFICER_1, 'propose-referral', {
      offense: 'major_liability_accident',
      teamOfficerIds: [OFFICER_1, OFFICER_2],
      report: '造成一人死亡，涉嫌重大责任事故罪',
      occurredAt: at('2026-09-04'),
    });
    await step(id, HEAD, 'approve-referral', { opinion: '同意移送', occurredAt: at('2026-09-05', '09:00:00') });
    await notYet(id, 'criminal-referral', 'transfer-to-police');
    await step(id, OFFICER_1, 'transfer-to-police', {
      policeAgency: '郴州市公安局北湖分局',
      documents: ['涉嫌犯罪案件移送书', '涉嫌犯罪案件调查报告', '涉案物品清单'],
      occurredAt: at('2026-09-05', '15:00:00'),
    });
    for (const text of [await docs.pdfText(id, 'criminal-referral'), await docs.docxText(id, 'criminal-referral')])
      expect(
        missingFrom(text, [
          AGENCY,
          '涉嫌犯罪案件移送书',
          await issuedNumber(id, 'criminal-referral', '移'),
          '郴州市公安局北湖分局：',
          PARTY,
          '涉嫌重大责任事故罪（刑法第一百三十四条第一款）',
          '专案组（王海涛、张敏）',
          '造成一人死亡，涉嫌重大责任事故罪',
          '于二〇二六年九月五日批准移送（同意移送）',
          '《行政执法机关移送涉嫌犯罪案件的规定》第三条、第五条、第六条',
          '涉嫌犯罪案件调查报告',
          '涉案物品清单',
          '公安机关接收人签名（回执）',
        ]),
      ).toEqual([]);
  });
});
