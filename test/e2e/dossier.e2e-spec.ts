import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { walkToClosing } from '../support/cases';
import { TestApp, startTestApp } from '../support/test-app';
import { HASH, HEAD, OFFICER_1, missingFrom, openCaseBody } from '../support/fixtures';

/**
 * The case file (案卷) over real HTTP: a case driven to closing, anchored, and bound into one PDF whose text is read
 * back with pdftotext — the cover, a 卷内目录 whose page numbers are the pages each part's title is on (read page by
 * page), the evidence hash, the event history with each event's hash, and the head hash with its anchor. PNG pages of
 * the cover and the 目录 go to .documents/ (git-ignored) for people to look at.
 */
const PAGES_DIR = path.join(__dirname, '../../.documents');
const ADDRESS = '郴州市北湖区人民西路88号';
const SUPERVISOR = 'u-431000-supervisor';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('the case file (案卷) of a closed case', () => {
  let t: TestApp;
  let id: string;
  const scratch = mkdtempSync(path.join(tmpdir(), 'casetrail-dossier-'));
  const file = path.join(scratch, 'dossier.pdf');
  const pdftotext = (...args: string[]) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
  const pageText = (n: number) => squeeze(pdftotext('-f', String(n), '-l', String(n)));

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  async function dossier(user = OFFICER_1, caseId = id, query = '') {
    const res = await fetch(`${t.http.baseUrl}/api/v1/cases/${caseId}/dossier.pdf${query}`, {
      headers: { authorization: `Bearer ${await t.http.token(user)}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, problem: () => JSON.parse(bytes.toString('utf8')) };
  }

  it('refuses the file of a case not yet filed on, naming the step', async () => {
    const opened = await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody());
    const res = await dossier(OFFICER_1, opened.body.case.caseId);
    expect(res.status).toBe(422);
    expect(res.problem()).toMatchObject({ kind: 'dossier', producedBy: 'approve-filing' });
  });

  it('binds cover, 目录, documents, evidence, history and integrity, with the 目录 pointing at the right pages', async () => {
    const opened = await t.http.as(
      OFFICER_1,
      'POST',
      '/api/v1/cases',
      openCaseBody({ party: { ...openCaseBody().party, address: ADDRESS } }),
    );
    id = opened.body.case.caseId;
    await walkToClosing(t.http, id);
    const anchor = await t.http.as(SUPERVISOR, 'POST', '/api/v1/integrity/anchors', { reason: '结案归档核查' });
    expect(anchor.status).toBe(201);

    const res = await dossier();
    expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({ status: 200, type: 'application/pdf' });
    writeFileSync(file, res.bytes);
    mkdirSync(PAGES_DIR, { recursive: true });
    const saved = path.join(PAGES_DIR, 'dossier.pdf');
    writeFileSync(saved, res.bytes);
    // The cover and the 目录, for people to look at.
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '2', saved, path.join(PAGES_DIR, 'dossier')]);
    const events = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/events`)).body as {
      type: string;
      revision: number;
      metadata: { hash: string };
    }[];
    expect(res.headers.get('etag')).toBe(`"${events.length - 1}"`);
    const caseNo = /北应急立〔2026〕\d+号/.exec(pageText(1))![0];

    // The cover: agency, number, party, cause, dates, retention, who compiled and who reviewed.
    expect(
      missingFrom(pageText(1), [
        '北湖区应急管理局',
        '行政处罚案卷',
        `案号${caseNo}`,
        '案由烟花爆竹超量储存',
        '当事人郴州市北湖区测试烟花爆竹经营部',
        '立案日期二〇二六年九月二日',
        '结案日期二〇二六年九月二十二日',
        '保管期限定期30年',
        // The demo seed's names of OFFICER_1 (the lead handling officer) and HEAD (who approved the closing).
        '立卷人王海涛',
        '审核人李卫东',
      ]),
    ).toEqual([]);

    // The 目录, row by row, and each part's title on the page it names (which bears that number at its foot).
    const rows = pdftotext('-layout', '-f', '2', '-l', '2')
      .split('\n')
      .map((line) => /^\s*(\d+)\s+(\S+)\s+(\S+)\s+(\d{4}-\d{2}-\d{2})\s+(\d+)\s*$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ title: m[2], number: m[3], page: Number(m[5]) }));
    // The documents this walk produced, in the order of the procedure (a document of another kind the case produced
    // may stand between them), then the file's own parts.
    const produced = ['立案审批表', '行政处罚告知书', '行政处罚决定书', '送达回证', '结案审批表'];
    expect(rows.map((r) => r.title).filter((title) => produced.includes(title))).toEqual(produced);
    expect(rows.slice(-3).map((r) => r.title)).toEqual(['证据清单', '附录：案件事件记录', '完整性校验']);
    expect(rows[0].number).toBe(caseNo);
    for (const { title, page } of rows) {
      expect({ title, page, head: pageText(page).slice(0, 30) }).toEqual({ title, page, head: expect.stringContaining(title) });
      expect({ title, foot: pageText(page) }).toEqual({ title, foot: expect.stringContaining(`—${page}—`) });
    }

    // The evidence with its hash; every event in the appendix with its Chinese name and its hash; the head and anchor.
    const all = squeeze(pdftotext());
    expect(all).toContain(`内容哈希（SHA-256）：${HASH}`);
    expect(missingFrom(all, ['立案申请', '批准立案', '登记证据', '作出处罚决定', '结案', '2026-09-2210:00'])).toEqual([]);
    expect(
      missingFrom(
        all,
        events.map((e) => `事件哈希：${e.metadata.hash}`),
      ),
    ).toEqual([]);
    const integrity = pageText(rows[rows.length - 1].page);
    expect(integrity).toContain(events[events.length - 1].metadata.hash);
    expect(integrity).toContain(`第${anchor.body.seq}号锚点`);
    expect(integrity).toContain(anchor.body.globalHash);
  });

  it('binds the same bytes again, for whoever may read the case', async () => {
    const first = await dossier();
    const second = await dossier(HEAD);
    expect(first.status).toBe(200);
    expect(sha256(second.bytes)).toBe(sha256(first.bytes));
  });

  it('binds the file as of an earlier revision, and the current one by its number to the same bytes', async () => {
    const current = await dossier();
    const head = Number(JSON.parse(current.headers.get('etag')!));
    expect(sha256((await dossier(OFFICER_1, id, `?revision=${head}`)).bytes)).toBe(sha256(current.bytes));

    const early = await dossier(OFFICER_1, id, '?revision=1');
    expect({ status: early.status, etag: early.headers.get('etag') }).toEqual({ status: 200, etag: '"1"' });
    writeFileSync(file, early.bytes);
    const text = squeeze(pdftotext());
    expect(text).toContain('立案审批表');
    expect(text).not.toContain('行政处罚决定书');
    expect(text).toContain('共2条');
    expect(text).toContain('结案日期（未结案）');

    expect((await dossier(OFFICER_1, id, `?revision=${head + 1}`)).problem()).toMatchObject({
      status: 422,
      detail: expect.stringContaining('revision'),
    });
    expect((await dossier(OFFICER_1, id, '?revision=-1')).problem()).toMatchObject({
      status: 400,
      detail: expect.stringContaining('revision'),
    });
  });
});
