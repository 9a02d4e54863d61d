import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import PDFDocument from 'pdfkit';
import { TestApp, startTestApp } from '../support/test-app';
import { openAndFile } from '../support/cases';
import { OFFICER_1, OTHER_COUNTY_OFFICER, REVIEWER, at, evidenceBody } from '../support/fixtures';

const MAX = 64 * 1024;
const JPEG = readFileSync(path.join(__dirname, '../fixtures/evidence/site-photo.jpg'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A real one-page PDF (a scanned statement stands in), made by pdfkit with a fixed date so its bytes are stable. */
function statementPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A6', info: { CreationDate: new Date(0) } });
  const parts: Buffer[] = [];
  doc.on('data', (b: Buffer) => parts.push(b));
  doc.text('Inquiry record, page 1');
  doc.end();
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(parts))));
}

/** Every file under the evidence folder (stored ones and temporary ones alike). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

describe('evidence files over HTTP: upload streamed, stored by SHA-256, recorded, downloaded, verified', () => {
  let t: TestApp;
  let caseId: string;
  let evidenceId: string;
  let evidenceDir: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { EVIDENCE_FILE_MAX_BYTES: String(MAX) } });
    evidenceDir = path.join(t.dataDir, 'evidence');
    caseId = await openAndFile(t.http);
    const recorded = await t.http.as(
      OFFICER_1,
      'POST',
      `/api/v1/cases/${caseId}/commands/record-evidence`,
      evidenceBody({ kind: 'photo' }),
    );
    evidenceId = recorded.body.events[0].data.evidenceId;
  });
  afterAll(async () => t.close());

  const filesUrl = (evidence = evidenceId, id = caseId) => `/api/v1/cases/${id}/evidence/${evidence}/files`;
  async function upload(
    user: string,
    body: Buffer | ReadableStream<Uint8Array>,
    contentType: string,
    o: { fileName?: string; evidence?: string; caseId?: string } = {},
  ) {
    const query = `?fileName=${encodeURIComponent(o.fileName ?? '现场照片1.jpg')}`;
    const res = await fetch(`${t.http.baseUrl}${filesUrl(o.evidence, o.caseId)}${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.http.token(user)}`, 'content-type': contentType },
      body,
      duplex: 'half',
    } as RequestInit);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }
  async function download(user: string, url: string) {
    const res = await fetch(`${t.http.baseUrl}${url}`, { headers: { authorization: `Bearer ${await t.http.token(user)}` } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }
  /** Nothing written: no event anywhere, no file (stored or temporary) added. */
  async function expectNothingWritten(refused: () => Promise<unknown>): Promise<void> {
    const [head, files] = [await t.http.headPosition(), filesUnder(evidenceDir)];
    await refused();
    expect(await t.http.headPosition()).toBe(head);
    expect(filesUnder(evidenceDir)).toEqual(files);
  }

  it('stores a JPEG under its SHA-256, records it in the case history, and gives back the same bytes', async () => {
    const res = await upload(OFFICER_1, JPEG, 'image/jpeg');
    expect(res.status).toBe(201);
    const hash = sha(JPEG);
    expect(res.headers.get('location')).toBe(`${filesUrl()}/${hash}`);
    expect(res.body.events).toEqual([
      expect.objectContaining({
        type: 'EvidenceFileAttached',
        data: {
          evidenceId,
          sha256: hash,
          sizeBytes: JPEG.length,
          contentType: 'image/jpeg',
          fileName: '现场照片1.jpg',
          matchesContentHash: false,
        },
      }),
    ]);
    expect(filesUnder(evidenceDir)).toEqual([path.join(hash.slice(0, 2), hash.slice(2))]);

    const history = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${caseId}/events`)).body;
    const last = history[history.length - 1];
    expect(last).toMatchObject({ type: 'EvidenceFileAttached', data: { sha256: hash }, metadata: { hash: expect.any(String) } });

    const got = await download(OFFICER_1, `${filesUrl()}/${hash}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('现场照片1.jpg')}`);
    expect(sha(got.bytes)).toBe(hash);
    expect(got.bytes.equals(JPEG)).toBe(true);
  });

  it('a scanned statement PDF whose hash the evidence was recorded with is marked as that content', async () => {
    const pdf = await statementPdf();
    const recorded = await t.http.as(
      OFFICER_1,
      'POST',
      `/api/v1/cases/${caseId}/commands/record-evidence`,
      evidenceBody({ kind: 'inquiry', title: '询问笔录', contentHash: sha(pdf), occurredAt: at('2026-09-04') }),
    );
    const inquiry = recorded.body.events[0].data.evidenceId as string;
    const res = await upload(OFFICER_1, pdf, 'application/pdf', { evidence: inquiry, fileName: '询问笔录.pdf' });
    expect(res.status).toBe(201);
    expect(res.body.events[0].data).toMatchObject({ sha256: sha(pdf), contentType: 'application/pdf', matchesContentHash: true });
    const got = await download(REVIEWER, `${filesUrl(inquiry)}/${sha(pdf)}`);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.bytes.equals(pdf)).toBe(true);
  });

  it('415 naming both types for bytes that are not what the Content-Type says, and for types that are no evidence; nothing written', async () => {
    const pdf = await statementPdf();
    await expectNothingWritten(async () => {
      const res = await upload(OFFICER_1, pdf, 'image/png', { fileName: 'x.png' });
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ declared: 'image/png', detected: 'application/pdf' });
      expect(res.body.detail).toContain('image/png');
      expect(res.body.detail).toContain('application/pdf');
      const text = await upload(OFFICER_1, Buffer.from('not a photo at all, only words'), 'image/jpeg');
      expect(text).toMatchObject({ status: 415, body: { declared: 'image/jpeg', detected: null } });
      const empty = await upload(OFFICER_1, Buffer.alloc(0), 'image/jpeg');
      expect(empty).toMatchObject({ status: 415, body: { declared: 'image/jpeg', detected: null } });
      const plain = await upload(OFFICER_1, Buffer.from('words'), 'text/plain');
      expect(plain).toMatchObject({ status: 415, body: { declared: 'text/plain' } });
    });
  });

  it('413 over EVIDENCE_FILE_MAX_BYTES, whether the length is declared or the body is streamed in chunks; nothing written', async () => {
    const big = Buffer.concat([JPEG, Buffer.alloc(MAX)]);
    await expectNothingWritten(async () => {
      const declared = await upload(OFFICER_1, big, 'image/jpeg');
      expect(declared.status).toBe(413);
      expect(declared.body).toMatchObject({ maxBytes: MAX, detail: expect.stringContaining('EVIDENCE_FILE_MAX_BYTES') });
      // No Content-Length: the limit is met while the bytes stream in.
      const chunks = [JPEG, ...Array.from({ length: 8 }, () => Buffer.alloc(MAX / 4))];
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
      expect((await upload(OFFICER_1, stream, 'image/jpeg')).status).toBe(413);
    });
  });

  it('an evidence id this case has not recorded is refused (422 naming it); nothing written', async () => {
    const other = Buffer.concat([JPEG, Buffer.from('other bytes')]);
    await expectNothingWritten(async () => {
      const res = await upload(OFFICER_1, other, 'image/jpeg', { evidence: 'no-such-evidence' });
      expect(res.status).toBe(422);
      expect(res.body.violations).toEqual([
        expect.objectContaining({ rule: 'evidenceRecordedInCase', detail: expect.stringContaining('no-such-evidence') }),
      ]);
    });
  });

  it('403 for someone without access to the case, before a byte is stored; downloads only what this case recorded', async () => {
    await expectNothingWritten(async () => {
      expect((await upload(OTHER_COUNTY_OFFICER, JPEG, 'image/jpeg')).status).toBe(403);
    });
    const url = `${filesUrl()}/${sha(JPEG)}`;
    expect((await download(OTHER_COUNTY_OFFICER, url)).status).toBe(403);
    // Another case of the same agency does not serve this file, though the bytes are in the store.
    const otherCase = await openAndFile(t.http);
    const elsewhere = await download(OFFICER_1, `/api/v1/cases/${otherCase}/evidence/${evidenceId}/files/${sha(JPEG)}`);
    expect(elsewhere.status).toBe(404);
    expect((await download(OFFICER_1, `${filesUrl()}/${'0'.repeat(64)}`)).status).toBe(404);
  });

  it('verify names a stored file whose bytes were altered, and one that is missing (case, evidence id, hash)', async () => {
    const clean = await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/verify');
    expect(clean.body).toMatchObject({ ok: true, evidenceFiles: { checked: 2, problems: [] } });

    const hash = sha(JPEG);
    const stored = path.join(evidenceDir, hash.slice(0, 2), hash.slice(2));
    const tampered = Buffer.from(JPEG);
    tampered[tampered.length - 10] ^= 0xff;
    writeFileSync(stored, tampered);
    const altered = await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/verify');
    expect(altered.body.ok).toBe(false);
    expect(altered.body.evidenceFiles.problems).toEqual([
      { caseId, evidenceId, sha256: hash, problem: 'altered', detail: expect.stringContaining('SHA-256') },
    ]);

    rmSync(stored);
    const missing = await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/verify');
    expect(missing.body.evidenceFiles.problems).toEqual([
      expect.objectContaining({ caseId, evidenceId, sha256: hash, problem: 'missing' }),
    ]);
    expect((await download(OFFICER_1, `${filesUrl()}/${hash}`)).status).toBe(404);
  });
});
