import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { buildDocument } from '../content/build-document';
import { sampleInput } from '../testing/sample-case';
import { DocumentFontUnavailableError, loadDocumentFonts } from './document-font';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderPdf } from './render-pdf';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const fonts = loadDocumentFonts(null);

describe('rendering a document', () => {
  const decision = buildDocument('penalty-decision', sampleInput());

  it('PDF: A4, the font embedded as a subset, the text extractable, the same bytes twice', async () => {
    const first = await renderPdf(decision, fonts);
    const second = await renderPdf(buildDocument('penalty-decision', sampleInput()), fonts);
    expect(sha256(second)).toBe(sha256(first));
    // A subset is a small part of the 14 MB font file.
    expect(first.length).toBeLessThan(300_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'pdf-'));
    const file = path.join(dir, 'decision.pdf');
    writeFileSync(file, first);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('北湖区应急管理局');
    expect(text).toContain('北应急罚〔2026〕7号');
    expect(text).toContain('人民币叁万伍仟元整（35,000.00元）');
    expect(text).toContain('郴州市北湖区人民政府申请行政复议');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    // Dated by the document (the decision's day), not by the clock.
    expect(info).toMatch(/CreationDate:\s+Mon Sep 21 00:00:00 2026 UTC/);
    const fontList = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fontList).toMatch(/[A-Z]{6}\+NotoSerifSC/);
  });

  it('DOCX: the national fonts named, A4 margins, the text in the XML, the same bytes twice', async () => {
    const first = await renderDocx(decision);
    await new Promise((r) => setImmediate(r));
    const second = await renderDocx(buildDocument('penalty-decision', sampleInput()));
    expect(sha256(second)).toBe(sha256(first));
    const files = unzipSync(new Uint8Array(first));
    expect(strFromU8(files['docProps/core.xml'])).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-21T00:00:00Z</dcterms:created>',
    );
    const xml = strFromU8(files['word/document.xml']);
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('黑体');
    expect(xml).toContain('宋体');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:top="2098"');
    expect(xml).toContain('北应急罚〔2026〕7号');
    expect(xml).toContain('人民币叁万伍仟元整（35,000.00元）');
  });

  it('HTML print view: escaped text with the page set to A4', () => {
    const html = renderHtml(decision);
    expect(html).toContain('@page{size:A4;margin:37mm 26mm 35mm 28mm}');
    expect(html).toContain('<h1 class="title">行政处罚决定书</h1>');
    expect(renderHtml({ ...decision, issuer: '<b>' })).toContain('&lt;b&gt;');
  });

  it('names the font it cannot load', () => {
    expect(() => loadDocumentFonts('/nonexistent/fangsong.ttf')).toThrow(DocumentFontUnavailableError);
    expect(() => loadDocumentFonts('/nonexistent/fangsong.ttf')).toThrow(/\/nonexistent\/fangsong\.ttf/);
    expect(() => loadDocumentFonts(__filename)).toThrow(/not a TrueType or OpenType font/);
    expect(() =>
      loadDocumentFonts(null, () => {
        throw new Error('Cannot find module');
      }),
    ).toThrow(/npm ci/);
  });
});
