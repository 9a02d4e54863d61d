import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { buildDocument } from '../content/build-document';
import { CaseDocument } from '../content/document-model';
import { buildDossier } from '../content/dossier';
import { sampleDossierInput, sampleHash } from '../testing/sample-case';
import { loadDocumentFonts } from './document-font';
import { renderDocx } from './render-docx';
import { renderDossierPdf } from './render-dossier-pdf';
import { renderHtml } from './render-html';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const fonts = loadDocumentFonts(null);
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('rendering the case file (案卷)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dossier-'));
  const file = path.join(dir, 'dossier.pdf');
  const pageText = (n: number) => squeeze(execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }));
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await renderDossierPdf(buildDossier(sampleDossierInput()), fonts);
    writeFileSync(file, pdf);
  });

  it('the same events, registry and anchor give the same bytes; another anchor other bytes', async () => {
    const again = await renderDossierPdf(buildDossier(sampleDossierInput()), fonts);
    expect(sha256(again)).toBe(sha256(pdf));
    const unanchored = await renderDossierPdf(buildDossier(sampleDossierInput(undefined, null)), fonts);
    expect(sha256(unanchored)).not.toBe(sha256(pdf));
  });

  it('the 卷内目录 names for each part the page its title is on, numbered as bound', () => {
    expect(pageText(2)).toContain('卷内目录');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    // The 目录's rows as laid out: 序号, 文书名称, 文号, 日期, 页号.
    const rows = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /^\s*(\d+)\s+(\S+)\s+(\S+)\s+(\d{4}-\d{2}-\d{2})\s+(\d+)\s*$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null);
    const listed = rows.map((m) => ({ title: m[2], page: Number(m[5]) }));
    expect(listed.map((l) => l.title)).toEqual([
      '立案审批表',
      '现场检查记录',
      '行政处罚告知书',
      '行政处罚决定书',
      '送达回证',
      '结案审批表',
      '证据清单',
      '附录：案件事件记录',
      '完整性校验',
    ]);
    for (const { title, page } of listed) {
      expect({ title, inRange: page >= 3 && page <= pages }).toEqual({ title, inRange: true });
      // The title heads its first page (below the agency's name), and the page bears that number at its foot.
      expect({ title, page, head: pageText(page).slice(0, 30) }).toEqual({ title, page, head: expect.stringContaining(title) });
      expect(pageText(page)).toContain(`—${page}—`);
    }
    // The cover is counted, not numbered; the parts follow one another.
    expect(pageText(1)).not.toContain('—1—');
    expect(listed.map((l) => l.page)).toEqual([...listed.map((l) => l.page)].sort((a, b) => a - b));
  });

  it('cover, evidence hash, history and the head hash as text', () => {
    expect(pageText(1)).toContain('行政处罚案卷');
    expect(pageText(1)).toContain('保管期限定期30年');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pageText(1)).toContain(`本卷共${pages}页`);
    const all = squeeze(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    expect(all).toContain(`内容哈希（SHA-256）：${'a'.repeat(64)}`);
    expect(all).toContain(`事件哈希：${sampleHash('event 0')}`);
    expect(all).toContain(sampleHash('event 8'));
    expect(all).toContain(sampleHash('anchor 4'));
  });
});

describe('a table (the lists of the 案卷) in the other formats', () => {
  const evidence = buildDossier(sampleDossierInput()).parts.find((p) => p.title === '证据清单')!;
  const doc: CaseDocument = { ...buildDocument('filing-approval', sampleDossierInput()), blocks: evidence.blocks };

  it('HTML: a heading row and the note across every column', () => {
    const html = renderHtml(doc);
    expect(html).toContain('<th scope="col">证据种类</th>');
    expect(html).toContain(`<td colspan="5">内容哈希（SHA-256）：${'a'.repeat(64)}</td>`);
  });

  it('DOCX: a repeated heading row and the note spanning the columns', async () => {
    const xml = strFromU8(unzipSync(new Uint8Array(await renderDocx(doc)))['word/document.xml']);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:gridSpan w:val="5"/>');
    expect(xml).toContain(`内容哈希（SHA-256）：${'a'.repeat(64)}`);
  });
});
