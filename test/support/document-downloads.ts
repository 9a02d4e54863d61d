import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { TestApp } from './test-app';
import { OFFICER_1 } from './fixtures';

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A case's documents over real HTTP: the file, and its text as a reader gets it (pdftotext, the DOCX XML). */
export function documentDownloads(t: TestApp) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'casetrail-docs-'));

  async function download(id: string, kind: string, format: string, user = OFFICER_1) {
    const res = await fetch(`${t.http.baseUrl}/api/v1/cases/${id}/documents/${kind}?format=${format}`, {
      headers: { authorization: `Bearer ${await t.http.token(user)}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, problem: () => JSON.parse(bytes.toString('utf8')) };
  }

  /** The PDF's text as pdftotext extracts it, whitespace removed (CJK lines break anywhere). */
  async function pdfText(id: string, kind: string): Promise<string> {
    const res = await download(id, kind, 'pdf');
    expect({ kind, status: res.status, type: res.headers.get('content-type') }).toEqual({ kind, status: 200, type: 'application/pdf' });
    const file = path.join(scratch, `${kind}-${id}.pdf`);
    writeFileSync(file, res.bytes);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  }

  /** The DOCX's words as its XML holds them, whitespace removed like the PDF's. */
  async function docxText(id: string, kind: string): Promise<string> {
    const res = await download(id, kind, 'docx');
    expect({ kind, status: res.status }).toEqual({ kind, status: 200 });
    return strFromU8(unzipSync(new Uint8Array(res.bytes))['word/document.xml'])
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, '');
  }

  return { download, pdfText, docxText };
}
