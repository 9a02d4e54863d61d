import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { CaseEvent } from '@workflows/enforcement-case';
import { buildDocument } from '../content/build-document';
import { DocumentKind } from '../content/document-model';
import { sampleInput } from '../testing/sample-case';
import { TRANSCRIPT_HASH, courtEnforcementEvents, hearingEvents, noPenaltyEvents, referralEvents } from '../testing/sample-decisions';
import { loadDocumentFonts } from './document-font';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const fonts = loadDocumentFonts(null);

/** Each decision and enforcement document, with the history that produces it and a line its PDF and DOCX must show. */
const DOCUMENTS: [DocumentKind, () => CaseEvent[], string][] = [
  ['hearing-notice', hearingEvents, '北应急听通〔2026〕3号'],
  ['hearing-record', hearingEvents, `SHA-256：${TRANSCRIPT_HASH}`],
  ['hearing-report', hearingEvents, '听证已举行'],
  ['legal-review-opinion', hearingEvents, '事实清楚，证据确凿，适用法律正确'],
  ['collective-deliberation', hearingEvents, '赵局长、孙副局长、陈法制'],
  ['no-penalty-decision', noPenaltyEvents, '六十日内向郴州市北湖区人民政府申请行政复议'],
  ['enforcement-demand', () => courtEnforcementEvents('EnforcementUrged'), '尚欠人民币叁万元整（30,000.00元）'],
  ['payment-reminder', () => courtEnforcementEvents('EnforcementUrged'), '加处罚款为人民币贰万伍仟贰佰元整（25,200.00元）'],
  ['enforcement-application', courtEnforcementEvents, '北应急强执申〔2026〕3号'],
  ['criminal-referral', referralEvents, '涉嫌重大责任事故罪'],
];

describe('rendering the decision and enforcement documents', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-decisions-'));

  it.each(DOCUMENTS)('%s: the same PDF and DOCX bytes twice, its text readable from both', async (kind, events, line) => {
    const build = () => buildDocument(kind, sampleInput(events()));
    const pdf = await renderPdf(build(), fonts);
    expect(sha256(await renderPdf(build(), fonts))).toBe(sha256(pdf));
    const file = path.join(dir, `${kind}.pdf`);
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(line);
    expect(text).toContain('北湖区应急管理局');

    const docx = await renderDocx(build());
    await new Promise((r) => setImmediate(r));
    expect(sha256(await renderDocx(build()))).toBe(sha256(docx));
    const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']).replace(/<[^>]+>/g, '');
    expect(xml).toContain(line);
  });
});
