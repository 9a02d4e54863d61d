import { documentDownloads, sha256 } from '../support/document-downloads';
import { TestApp, startTestApp } from '../support/test-app';
import { HEAD, OFFICER_1, OFFICER_2, at, evidenceBody, missingFrom, openCaseBody } from '../support/fixtures';

/**
 * The documents of the investigation and the measures over real HTTP: each refused before the step that produces it,
 * then rendered as PDF (its text read back with pdftotext) and DOCX (its XML), the same bytes twice.
 */
const ADDRESS = '郴州市北湖区人民西路88号';
const PARTY = '郴州市北湖区测试烟花爆竹经营部';
const VIDEO = 'f00d'.repeat(16);
const REMEDIES = ['六十日内向郴州市北湖区人民政府申请行政复议', '六个月内依法向郴州市北湖区人民法院提起行政诉讼'];

describe('documents (文书) of the investigation and the measures', () => {
  let t: TestApp;
  let id: string;
  let docs: ReturnType<typeof documentDownloads>;

  beforeAll(async () => {
    t = await startTestApp();
    docs = documentDownloads(t);
  });
  afterAll(async () => t.close());

  /** The document's PDF text and DOCX text (whitespace removed), each format rendered twice to the same bytes. */
  async function texts(kind: string): Promise<string[]> {
    for (const format of ['pdf', 'docx']) {
      const [first, second] = [await docs.download(id, kind, format), await docs.download(id, kind, format)];
      expect({ kind, format, status: first.status }).toEqual({ kind, format, status: 200 });
      expect(sha256(second.bytes)).toBe(sha256(first.bytes));
    }
    return [await docs.pdfText(id, kind), await docs.docxText(id, kind)];
  }

  async function expectSays(kind: string, parts: string[]) {
    for (const text of await texts(kind)) expect({ kind, missing: missingFrom(text, parts) }).toEqual({ kind, missing: [] });
  }

  /** The number a served order or decision was issued under (right after its step): its own series, in the agency's format. */
  async function issuedNumber(kind: string, code: string): Promise<string> {
    const items = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/documents`)).body.items as { kind: string; number: string }[];
    const number = items.find((d) => d.kind === kind)?.number ?? '';
    expect(number).toMatch(new RegExp(`^北应急${code}〔2026〕\\d+号$`));
    return number;
  }

  async function expectNotYet(kind: string, producedBy: string) {
    const res = await docs.download(id, kind, 'pdf');
    expect({ kind, status: res.status, problem: res.problem() }).toMatchObject({
      kind,
      status: 422,
      problem: { type: expect.stringContaining('document-not-produced'), producedBy },
    });
  }

  async function step(user: string, command: string, body: Record<string, unknown>) {
    const res = await t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body);
    expect({ command, status: res.status, detail: res.body?.detail }).toMatchObject({ command, status: 200 });
  }

  it('renders each document once its step has happened, and refuses it before', async () => {
    id = (await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody({ party: { ...openCaseBody().party, address: ADDRESS } }))).body
      .case.caseId;
    await step(HEAD, 'approve-filing', { occurredAt: at('2026-09-02') });
    const caseNo = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}`)).body.caseNo as string;
    for (const [kind, command] of [
      ['filing-refusal-notice', 'reject-filing'],
      ['inspection-record', 'record-evidence'],
      ['inquiry-record', 'record-evidence'],
      ['sampling-record', 'record-evidence'],
      ['seizure-decision', 'impose-seizure'],
      ['rectification-order', 'issue-rectification-order'],
      ['extension-approval', 'extend-handling-period'],
      ['reinspection-opinion', 'record-reinspection'],
      ['seizure-release-decision', 'release-seizure'],
    ])
      await expectNotYet(kind, command);

    await step(
      OFFICER_1,
      'record-evidence',
      evidenceBody({ title: '仓库现场检查', description: '仓库内存放烟花爆竹约一百二十箱，超过核定储存量' }),
    );
    await step(OFFICER_1, 'record-evidence', evidenceBody({ kind: 'inquiry', title: '询问仓库保管员', description: '保管员承认超量进货' }));
    await step(OFFICER_1, 'record-evidence', evidenceBody({ kind: 'sampling', title: '抽取烟花爆竹样品两箱' }));
    for (const [kind, title] of [
      ['inspection-record', '仓库现场检查'],
      ['inquiry-record', '询问仓库保管员'],
      ['sampling-record', '抽取烟花爆竹样品两箱'],
    ])
      await expectSays(kind, ['北湖区应急管理局', caseNo, PARTY, title, '二〇二六年九月三日', '执法证号：431002']);
    await expectSays('inspection-record', ['仓库内存放烟花爆竹约一百二十箱，超过核定储存量', '被检查单位负责人签名']);

    await step(OFFICER_1, 'record-evidence', evidenceBody({ kind: 'audio_video', title: '执法记录仪视频', contentHash: VIDEO }));
    await step(HEAD, 'impose-seizure', {
      items: [{ name: '超量储存的烟花爆竹', quantity: '120箱' }],
      reason: '防止转移',
      legalBasis: ['安全生产法 Art. 65', '行政强制法 Art. 22'],
      audioVideoEvidenceHash: VIDEO,
      occurredAt: at('2026-09-03', '11:00:00'),
    });
    await expectSays('seizure-decision', [
      '查封(扣押)决定书',
      await issuedNumber('seizure-decision', '查扣'),
      PARTY,
      ADDRESS,
      '因防止转移，依据《安全生产法》第六十五条、《行政强制法》第二十二条的规定',
      '超量储存的烟花爆竹',
      '120箱',
      // 行政强制法第二十五条: the term ends on its 30th day, 10-03, a National Day holiday (no roll-over).
      '查封（扣押）期限为三十日，自二〇二六年九月三日起至二〇二六年十月三日止',
      ...REMEDIES,
    ]);

    await step(OFFICER_1, 'issue-rectification-order', {
      items: ['清理超量储存的烟花爆竹', '设置防爆设施'],
      deadline: '2026-09-20',
      legalBasis: ['安全生产法 Art. 65'],
      occurredAt: at('2026-09-03', '11:30:00'),
    });
    await expectSays('rectification-order', [
      '责令限期整改指令书',
      await issuedNumber('rectification-order', '责改'),
      `${PARTY}：`,
      '依据《安全生产法》第六十五条的规定，现责令你单位于二〇二六年九月二十日前对下列事项整改完毕',
      '1.清理超量储存的烟花爆竹；',
      '2.设置防爆设施。',
      '十日内（二〇二六年九月三十日前）',
      ...REMEDIES,
    ]);

    await step(HEAD, 'extend-handling-period', { tier: 'head', reason: '样品检验尚未完成', occurredAt: at('2026-09-10') });
    await expectSays('extension-approval', [
      '案件延期办结审批表',
      caseNo,
      PARTY,
      '原办结期限',
      '样品检验尚未完成',
      '立案之日起九十日（二〇二六年十二月一日）',
      '本机关负责人批准（延长至九十日）',
      '二〇二六年九月十日',
    ]);

    await step(OFFICER_1, 'record-reinspection', {
      officerIds: [OFFICER_1, OFFICER_2],
      result: 'passed',
      findings: '已清理并设置防爆设施',
      occurredAt: at('2026-09-21'),
    });
    await expectSays('reinspection-opinion', [
      '整改复查意见书',
      await issuedNumber('reinspection-opinion', '复查'),
      `《责令限期整改指令书》（${await issuedNumber('rectification-order', '责改')}）`,
      '已清理并设置防爆设施。',
      '复查意见：整改合格。',
    ]);

    await step(HEAD, 'release-seizure', { disposition: 'released', reason: '已整改完毕', occurredAt: at('2026-09-22') });
    await expectSays('seizure-release-decision', [
      '解除查封(扣押)决定书',
      await issuedNumber('seizure-release-decision', '解扣'),
      `《查封(扣押)决定书》（${await issuedNumber('seizure-decision', '查扣')}）`,
      '超量储存的烟花爆竹（120箱）',
      '《中华人民共和国行政强制法》第二十八条',
      '立即退还财物',
    ]);
    // A filed case has no 不予立案告知书.
    await expectNotYet('filing-refusal-notice', 'reject-filing');
  });

  it('renders the 不予立案告知书 of a case the head declined to file, and no filing document', async () => {
    id = (await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody())).body.case.caseId;
    await step(HEAD, 'reject-filing', { reason: '不属于本机关管辖', occurredAt: at('2026-09-02') });
    await expectSays('filing-refusal-notice', [
      '北湖区应急管理局',
      '不予立案告知书',
      `${PARTY}：`,
      '本机关对你单位涉嫌烟花爆竹超量储存一事（案件来源：监督检查，发现日期：二〇二六年九月一日）进行了审查',
      '经审查，不属于本机关管辖。本机关决定不予立案。',
      '二〇二六年九月二日',
    ]);
    await expectNotYet('filing-approval', 'approve-filing');
  });

  it('names the county bureau on the 不予立案告知书 of its entrusted township squad (行政处罚法第二十条)', async () => {
    const [O1, O2, H] = ['u-431002001-officer-1', 'u-431002001-officer-2', 'u-431002001-head'];
    const opened = await t.http.as(O1, 'POST', '/api/v1/cases', openCaseBody({ agencyId: 'ag-431002001', handlingOfficerIds: [O1, O2] }));
    expect(opened.status).toBe(201);
    id = opened.body.case.caseId;
    await step(H, 'reject-filing', { reason: '线索不实', occurredAt: at('2026-09-02') });
    // Read by the squad's own officer (the county's officers do not handle the case).
    const html = await docs.download(id, 'filing-refusal-notice', 'html', O1);
    expect(html.status).toBe(200);
    expect(html.bytes.toString('utf8')).toContain('<p class="issuer">北湖区应急管理局</p>\n<h1 class="title">不予立案告知书</h1>');
  });

  it('refuses a 查封(扣押)决定书 whose party has no address on record or whose things have no quantity, naming each', async () => {
    id = (await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody())).body.case.caseId;
    await step(HEAD, 'approve-filing', { occurredAt: at('2026-09-02') });
    await step(OFFICER_1, 'record-evidence', evidenceBody({ kind: 'audio_video', title: '执法记录仪视频', contentHash: VIDEO }));
    await step(HEAD, 'impose-seizure', {
      items: [{ name: '超量储存的烟花爆竹' }],
      reason: '防止转移',
      legalBasis: ['安全生产法 Art. 65'],
      audioVideoEvidenceHash: VIDEO,
      occurredAt: at('2026-09-03'),
    });
    for (const format of ['pdf', 'docx', 'html']) {
      const res = await docs.download(id, 'seizure-decision', format);
      expect(res.status).toBe(422);
      expect(res.problem()).toMatchObject({
        type: expect.stringContaining('document-data-missing'),
        missing: [
          { field: 'party.address', zh: '当事人地址' },
          { field: 'items[0].quantity', zh: '查封扣押物品「超量储存的烟花爆竹」的数量' },
        ],
      });
    }
  });
});
