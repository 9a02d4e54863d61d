import PDFDocument from 'pdfkit';
import { CaseDocument, DocumentBlock, FormRow } from '../content/document-model';
import { DocumentFonts } from './document-font';
import { FONT_PT, PAGE_MM, mmToPt } from './page-layout';

type Pdf = InstanceType<typeof PDFDocument>;

const LINE_GAP = 6;
const LABEL_WIDTH = mmToPt(46);
const CELL_PAD = 5;

/**
 * The document as a PDF: A4 with the GB/T 9704 margins, the fonts embedded as subsets (only the glyphs used), and
 * every date and id inside fixed by the document (its date as CreationDate; the file id derives from the info), so
 * the same document always gives the same bytes.
 */
export function renderPdf(doc: CaseDocument, fonts: DocumentFonts): Promise<Buffer> {
  const created = new Date(`${doc.date}T00:00:00Z`);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: mmToPt(PAGE_MM.top), left: mmToPt(PAGE_MM.left), right: mmToPt(PAGE_MM.right), bottom: mmToPt(PAGE_MM.bottom) },
    bufferPages: true,
    lang: 'zh-CN',
    info: {
      Title: `${doc.title} ${doc.number}`,
      Author: doc.issuer,
      Subject: doc.title,
      Creator: 'casetrail',
      Producer: 'casetrail',
      CreationDate: created,
      ModDate: created,
    },
  });
  pdf.registerFont('body', fonts.regular);
  pdf.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
  const left = pdf.page.margins.left;
  pdf.font('bold').fontSize(FONT_PT.issuer).text(doc.issuer, { align: 'center', width });
  pdf.moveDown(0.3);
  pdf.font('bold').fontSize(FONT_PT.title).text(doc.title, { align: 'center', width, characterSpacing: 4 });
  pdf.moveDown(0.3);
  pdf.font('body').fontSize(FONT_PT.body).text(doc.number, { align: 'center', width });
  pdf.moveDown(0.8);
  for (const block of doc.blocks) drawBlock(pdf, block, left, width);
  numberPages(pdf);
  pdf.end();
  return done;
}

function drawBlock(pdf: Pdf, block: DocumentBlock, left: number, width: number): void {
  switch (block.kind) {
    case 'paragraph':
      pdf.font('body').fontSize(FONT_PT.body);
      pdf.text(block.text, left, pdf.y, {
        width,
        lineGap: LINE_GAP,
        indent: block.indent === false ? 0 : FONT_PT.body * 2,
        align: 'justify',
      });
      return;
    case 'heading':
      pdf.font('bold').fontSize(FONT_PT.body).text(block.text, left, pdf.y, { width, lineGap: LINE_GAP });
      return;
    case 'form':
      drawForm(pdf, block.rows, left, width);
      pdf.moveDown(0.5);
      return;
    case 'signature':
      pdf.moveDown(1.5);
      pdf.font('body').fontSize(FONT_PT.body);
      for (const line of block.lines) pdf.text(line, left, pdf.y, { width: width - FONT_PT.body * 2, align: 'right', lineGap: LINE_GAP });
      if (block.seal) pdf.text('（印章）', left, pdf.y, { width: width - FONT_PT.body * 2, align: 'right' });
      return;
  }
}

/** A ruled two-column form; a row that would cross the bottom margin starts a new page. */
function drawForm(pdf: Pdf, rows: FormRow[], left: number, width: number): void {
  const size = FONT_PT.body - 2;
  pdf.font('body').fontSize(size);
  const valueWidth = width - LABEL_WIDTH;
  for (const row of rows) {
    const value = 'value' in row ? row.value : '';
    const textHeight = Math.max(
      pdf.heightOfString(row.label, { width: LABEL_WIDTH - 2 * CELL_PAD }),
      pdf.heightOfString(value || ' ', { width: valueWidth - 2 * CELL_PAD, lineGap: 2 }),
    );
    const height = textHeight + 2 * CELL_PAD + ('handwritten' in row ? size * 2 : 0);
    if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
    const top = pdf.y;
    pdf
      .rect(left, top, LABEL_WIDTH, height)
      .rect(left + LABEL_WIDTH, top, valueWidth, height)
      .lineWidth(0.75)
      .stroke();
    pdf.text(row.label, left + CELL_PAD, top + CELL_PAD, { width: LABEL_WIDTH - 2 * CELL_PAD });
    if (value) pdf.text(value, left + LABEL_WIDTH + CELL_PAD, top + CELL_PAD, { width: valueWidth - 2 * CELL_PAD, lineGap: 2 });
    pdf.x = left;
    pdf.y = top + height;
  }
}

/** Page numbers at the foot, "— 1 —" as GB/T 9704 §7.5 sets them. */
function numberPages(pdf: Pdf): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('body')
      .fontSize(14)
      .text(`— ${i + 1} —`, 0, pdf.page.height - mmToPt(PAGE_MM.bottom) + mmToPt(7), { width: pdf.page.width, align: 'center' });
    pdf.page.margins.bottom = bottom;
  }
}
