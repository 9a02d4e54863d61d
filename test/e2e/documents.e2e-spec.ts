import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { MAIN_PATH, walk } from '../support/cases';
import { TestApp, startTestApp } from '../support/test-app';
import { HEAD, OFFICER_1, at, evidenceBody, openCaseBody, missingFrom } from '../support/fixtures';

/**
 * The documents of the main path over real HTTP: each rendered from the case's events as PDF and DOCX, its text read
 * back (pdftotext from the PDF, the XML from the DOCX), rendered twice to the same bytes, and refused before its step.
 * PNG pages of the decision go to .documents/ (git-ignored) for people to look at.
 */
const PAGES_DIR = path.join(__dirname, '../../.documents');
const ADDRESS = '郴州市北湖区人民西路88号';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('documents (文书) of the main path', () => {
  let t: TestApp;
  let id: string;
  const scratch = mkdtempSync(path.join(tmpdir(), 'casetrail-docs-'));

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  async function download(kind: string, format: string, user = OFFICER_1) {
    const res = await fetch(`${t.http.baseUrl}/api/v1/cases/${id}/documents/${kind}?format=${format}`, {
      headers: { authorization: `Bearer ${await t.http.token(user)}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, problem: () => JSON.parse(bytes.toString('utf8')) };
  }

  /** The PDF's text as pdftotext extracts it, whitespace removed (CJK lines break anywhere). */
  async function pdfText(kind: string): Promise<string> {
    const res = await download(kind, 'pdf');
    expect({ kind, status: res.status, type: res.headers.get('content-type') }).toEqual({ kind, status: 200, type: 'application/pdf' });
    const file = path.join(scratch, `${kind}.pdf`);
    writeFileSync(file, res.bytes);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  }

  async function docxText(kind: string): Promise<string> {
    const res = await download(kind, 'docx');
    expect(res.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(res.bytes))['word/document.xml']);
    return xml.replace(/<[^>]+>/g, '');
  }

  async function step(user: string, command: string, body: Record<string, unknown>) {
    const res = await t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body);
    expect({ command, status: res.status, detail: res.body?.detail }).toMatchObject({ command, status: 200 });
  }

  it('renders each document once its step has happened, and refuses it before', async () => {
    const opened = await t.http.as(
      OFFICER_1,
      'POST',
      '/api/v1/cases',
      openCaseBody({ party: { ...openCaseBody().party, address: ADDRESS } }),
    );
    expect(opened.status).toBe(201);
    id = opened.body.case.caseId;

    // Before approval there is no 立案审批表 to show; an unknown kind is a 404; a bad format a 400.
    expect((await download('filing-approval', 'pdf')).problem()).toMatchObject({ status: 422, producedBy: 'approve-filing' });
    expect((await download('warrant', 'pdf')).status).toBe(404);
    expect((await download('filing-approval', 'odt')).status).toBe(400);

    await walk(t.http, id, MAIN_PATH.filing);
    const filing = await pdfText('filing-approval');
    expect(filing).toContain('北湖区应急管理局');
    expect(filing).toMatch(/北应急立〔2026〕\d+号/);
    expect(filing).toContain('同意立案，由李执法、张执法承办');

    await walk(t.http, id, MAIN_PATH.investigation);
    // A 决定书 before `decide` is refused, naming the step that produces it; nothing is written.
    const head = await t.http.headPosition();
    const early = await download('penalty-decision', 'pdf');
    expect(early.status).toBe(422);
    expect(early.problem()).toMatchObject({ type: expect.stringContaining('document-not-produced'), producedBy: 'decide' });
    expect(await t.http.headPosition()).toBe(head);

    await walk(t.http, id, MAIN_PATH.notice);
    // Served and issued in one request: the notice bears the number of its own series it was issued under.
    const issued = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/documents`)).body.items as { kind: string; number: string }[];
    const noticeNo = issued.find((d) => d.kind === 'penalty-notice')?.number ?? '';
    expect(noticeNo).toMatch(/^北应急罚告〔2026〕\d+号$/);
    for (const text of [await pdfText('penalty-notice'), await docxText('penalty-notice')]) {
      expect(
        missingFrom(text, [
          noticeNo,
          '郴州市北湖区测试烟花爆竹经营部',
          '《安全生产法》第九十九条',
          '罚款人民币叁万伍仟元整（35,000.00元）',
          '三个工作日内',
          // 35,000 yuan for an organisation reaches the hearing threshold: the notice tells of the right to a hearing.
          '有权要求举行听证',
          '五个工作日内',
        ]),
      ).toEqual([]);
    }

    await walk(t.http, id, MAIN_PATH.decision);
    const decisionNo = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}`)).body.decision.decisionNo as string;
    for (const text of [await pdfText('penalty-decision'), await docxText('penalty-decision')]) {
      expect(
        missingFrom(text, [
          '北湖区应急管理局',
          decisionNo,
          '郴州市北湖区测试烟花爆竹经营部',
          ADDRESS,
          '《安全生产法》第九十九条',
          '罚款人民币叁万伍仟元整（35,000.00元）',
          '十五日内缴至中国农业银行郴州分行',
          '六十日内向郴州市北湖区人民政府申请行政复议',
          '六个月内依法向郴州市北湖区人民法院提起行政诉讼',
          '二〇二六年九月十五日',
        ]),
      ).toEqual([]);
    }
    const decisionPdf = await download('penalty-decision', 'pdf');
    mkdirSync(PAGES_DIR, { recursive: true });
    writeFileSync(path.join(PAGES_DIR, 'penalty-decision.pdf'), decisionPdf.bytes);
    execFileSync('pdftoppm', ['-r', '80', '-png', path.join(PAGES_DIR, 'penalty-decision.pdf'), path.join(PAGES_DIR, 'penalty-decision')]);

    await walk(t.http, id, MAIN_PATH.service);
    const receipt = await pdfText('service-receipt');
    expect(missingFrom(receipt, [`行政处罚决定书（${decisionNo}）`, '直接送达', ADDRESS])).toEqual([]);

    await walk(t.http, id, MAIN_PATH.closing);
    const closing = await docxText('closing-approval');
    expect(closing).toContain('已缴纳罚款人民币叁万伍仟元整（35,000.00元）');
    expect(closing).toContain('罚款缴清，结案');

    // The HTML print view says the same.
    const html = await download('penalty-decision', 'html');
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.bytes.toString('utf8')).toContain('六十日内向郴州市北湖区人民政府申请行政复议');
  });

  it('renders the same bytes twice (PDF and DOCX), and supervisors read what officers read', async () => {
    for (const format of ['pdf', 'docx']) {
      const first = await download('penalty-decision', format);
      const second = await download('penalty-decision', format, HEAD);
      expect(first.status).toBe(200);
      expect(sha256(second.bytes)).toBe(sha256(first.bytes));
      expect(first.headers.get('etag')).toBe(second.headers.get('etag'));
    }
  });

  it('refuses a decision whose party has no address on record, naming the field', async () => {
    const opened = await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody());
    id = opened.body.case.caseId;
    await step(HEAD, 'approve-filing', { occurredAt: at('2026-09-02') });
    await step(OFFICER_1, 'record-evidence', evidenceBody());
    await step(OFFICER_1, 'conclude-investigation', {
      findings: '超量储存属实',
      proposedOutcome: 'penalty',
      proposedPenalties: [{ kind: 'fine', amountYuan: 8000 }],
      legalBasis: ['安全生产法 Art. 99'],
      occurredAt: at('2026-09-10'),
    });
    await step(OFFICER_1, 'issue-penalty-notice', {
      proposedPenalties: [{ kind: 'fine', amountYuan: 8000 }],
      legalBasis: ['安全生产法 Art. 99'],
      occurredAt: at('2026-09-11'),
    });
    await step(OFFICER_1, 'waive-rights', { rights: ['statement'], occurredAt: at('2026-09-11', '15:00:00') });
    await step(HEAD, 'decide', {
      outcome: 'penalty',
      penalties: [{ kind: 'fine', amountYuan: 8000 }],
      legalBasis: ['安全生产法 Art. 99'],
      occurredAt: at('2026-09-14'),
    });
    for (const format of ['pdf', 'docx', 'html']) {
      const res = await download('penalty-decision', format);
      expect(res.status).toBe(422);
      expect(res.problem()).toMatchObject({
        type: expect.stringContaining('document-data-missing'),
        missing: [{ field: 'party.address', zh: '当事人地址' }],
      });
    }
    // The notice needs no address: it renders.
    expect((await download('penalty-notice', 'pdf')).status).toBe(200);
  });

  it('answers 503 naming the font when the configured one cannot be loaded', async () => {
    const broken = await startTestApp({ env: { DOCUMENT_FONT_PATH: '/nonexistent/fangsong.ttf' } });
    try {
      const opened = await broken.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody());
      const caseId = opened.body.case.caseId;
      await broken.http.as(HEAD, 'POST', `/api/v1/cases/${caseId}/commands/approve-filing`, { occurredAt: at('2026-09-02') });
      const res = await broken.http.as(OFFICER_1, 'GET', `/api/v1/cases/${caseId}/documents/filing-approval?format=pdf`);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ font: '/nonexistent/fangsong.ttf', detail: expect.stringContaining('/nonexistent/fangsong.ttf') });
      // DOCX names its fonts and embeds none: it still renders.
      const docx = await fetch(`${broken.http.baseUrl}/api/v1/cases/${caseId}/documents/filing-approval?format=docx`, {
        headers: { authorization: `Bearer ${await broken.http.token(OFFICER_1)}` },
      });
      expect(docx.status).toBe(200);
    } finally {
      await broken.close();
    }
  });
});
