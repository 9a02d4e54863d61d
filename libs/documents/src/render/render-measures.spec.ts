import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { buildDocument } from '../content/build-document';
import { DocumentKind } from '../content/document-model';
import { missingFrom } from '../testing/sample-case';
import { measuresInput, rejectedEvents } from '../testing/sample-measures';
import { loadDocumentFonts } from './document-font';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const fonts = loadDocumentFonts(null);
const dir = mkdtempSync(path.join(tmpdir(), 'pdf-measures-'));

/** Each document of the measures, with what its PDF and DOCX must say (issuer, title, number, party, basis, dates). */
const EXPECTED: [DocumentKind, string[]][] = [
  ['filing-refusal-notice', ['不予立案告知书', '郴州市某化工有限公司', '本机关决定不予立案', '二〇二六年九月二日']],
  ['inspection-record', ['现场检查记录', '北应急立〔2026〕3号', '郴州市某化工有限公司', '43100220260001', '被检查单位负责人签名']],
  ['inquiry-record', ['询问笔录', '北应急立〔2026〕3号', '仓库保管员陈述', '被询问人签名']],
  ['sampling-record', ['抽样取证凭证', '北应急立〔2026〕3号', '抽取危险化学品样品两份']],
  [
    'rectification-order',
    [
      '责令限期整改指令书',
      '北应急责改〔2026〕3号',
      '《安全生产法》第六十五条',
      '二〇二六年九月二十日前',
      '郴州市北湖区人民政府申请行政复议',
    ],
  ],
  ['reinspection-opinion', ['整改复查意见书', '北应急复查〔2026〕3号', '北应急责改〔2026〕3号', '复查意见：整改合格']],
  [
    'seizure-decision',
    [
      '查封(扣押)决定书',
      '北应急查扣〔2026〕3号',
      '郴州市北湖区人民西路1号',
      '12吨',
      '至二〇二六年十月八日止',
      '郴州市北湖区人民法院提起行政诉讼',
    ],
  ],
  ['seizure-release-decision', ['解除查封(扣押)决定书', '北应急解扣〔2026〕3号', '《中华人民共和国行政强制法》第二十八条', '立即退还财物']],
  ['extension-approval', ['案件延期办结审批表', '北应急立〔2026〕3号', '立案之日起九十日（二〇二六年十二月一日）', '赵局长']],
];

const build = (kind: DocumentKind) => buildDocument(kind, measuresInput(kind === 'filing-refusal-notice' ? rejectedEvents() : undefined));

describe('rendering the documents of the measures', () => {
  it.each(EXPECTED)('%s: PDF text read back, the same bytes twice', async (kind, parts) => {
    const first = await renderPdf(build(kind), fonts);
    const second = await renderPdf(build(kind), fonts);
    expect(sha256(second)).toBe(sha256(first));
    const file = path.join(dir, `${kind}.pdf`);
    writeFileSync(file, first);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(missingFrom(text, ['北湖区应急管理局', ...parts])).toEqual([]);
  });

  it.each(EXPECTED)('%s: DOCX text in the XML, the same bytes twice', async (kind, parts) => {
    const first = await renderDocx(build(kind));
    await new Promise((r) => setImmediate(r));
    const second = await renderDocx(build(kind));
    expect(sha256(second)).toBe(sha256(first));
    const xml = strFromU8(unzipSync(new Uint8Array(first))['word/document.xml']).replace(/<[^>]+>/g, '');
    expect(missingFrom(xml, ['北湖区应急管理局', ...parts])).toEqual([]);
  });
});
