import PDFDocument from 'pdfkit';
import { DocumentBlock, FormRow, TableColumn, TableRow } from '../content/document-model';
import { DocumentFonts } from './document-font';
import { FONT_PT, PAGE_MM, mmToPt } from './page-layout';

export type Pdf = InstanceType<typeof PDFDocument>;

const LINE_GAP = 6;
const LABEL_WIDTH = mmToPt(46);
const CELL_PAD = 5;
/** Tables (contents, evidence, history) in 10 pt, so a SHA-256 in hex fits on one line of the text block. */
export const TABLE_PT = 10;

/** What a PDF says about itself; its dates are the document's own, never the clock's. */
export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  date: string;
}

/**
 * An A4 PDF with the GB/T 9704 margins and the fonts registered (embedded as subsets of the glyphs used), and the
 * promise of its bytes once ended. Every date and id inside is fixed by `info` (its date as CreationDate; the file id
 * derives from the info), so the same content always gives the same bytes.
 */
export function openPdf(info: PdfInfo, fonts: DocumentFonts): { pdf: Pdf; done: Promise<Buffer> } {
  const created = new Date(`${info.date}T00:00:00Z`);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: mmToPt(PAGE_MM.top), left: mmToPt(PAGE_MM.left), right: mmToPt(PAGE_MM.right), bottom: mmToPt(PAGE_MM.bottom) },
    bufferPages: true,
    lang: 'zh-CN',
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Creator: 'casetrail',
      Producer: 'casetrail',
      CreationDate: created,
      ModDate: created,
    },
  });
  // pdfkit embeds a parsed fontkit font as given (its typings name only files and bytes).
  pdf.registerFont('body', fonts.regular as unknown as Buffer);
  pdf.registerFont('bold', fonts.bold as unknown as Buffer);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  return { pdf, done };
}

/** The text block's left edge and width. */
export function textBlock(pdf: Pdf): { left: number; width: number } {
  return { left: pdf.page.margins.left, width: pdf.page.width - pdf.page.margins.left - pdf.page.margins.right };
}

/** The 0-based index of the page being written. */
export function currentPage(pdf: Pdf): number {
  const range = pdf.bufferedPageRange();
  return range.start + range.count - 1;
}

/** The head of a document: issuing agency, title and number, centred. */
export function drawHeading(pdf: Pdf, head: { issuer: string; title: string; number: string }): void {
  const { width } = textBlock(pdf);
  if (head.issuer) {
    pdf.font('bold').fontSize(FONT_PT.issuer).text(head.issuer, { align: 'center', width });
    pdf.moveDown(0.3);
  }
  pdf.font('bold').fontSize(FONT_PT.title).text(head.title, { align: 'center', width, characterSpacing: 4 });
  pdf.moveDown(0.3);
  if (head.number) pdf.font('body').fontSize(FONT_PT.body).text(head.number, { align: 'center', width });
  pdf.moveDown(0.8);
}

export function drawBlock(pdf: Pdf, block: DocumentBlock): void {
  const { left, width } = textBlock(pdf);
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
    case 'table':
      drawTable(pdf, block.columns, block.rows);
      pdf.moveDown(0.5);
      return;
  }
}

const bottomLimit = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom;

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
    if (pdf.y + height > bottomLimit(pdf)) pdf.addPage();
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

/** Where a table's cells were drawn: each column's left edge and width, and each row's page and top. */
export interface DrawnTable {
  columns: { x: number; width: number }[];
  rows: { page: number; top: number }[];
}

/**
 * A ruled table with its heading row in bold; a row (with its note) that would cross the bottom margin starts a new
 * page, which repeats the heading row.
 */
export function drawTable(pdf: Pdf, columns: TableColumn[], rows: TableRow[]): DrawnTable {
  const { left, width } = textBlock(pdf);
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  let x = left;
  const cols = columns.map((c) => {
    const col = { x, width: (width * c.weight) / total };
    x += col.width;
    return col;
  });
  const cellHeight = (texts: string[], widths: number[]) =>
    Math.max(...texts.map((t, i) => pdf.heightOfString(t || ' ', { width: widths[i] - 2 * CELL_PAD, lineGap: 1 }))) + 2 * CELL_PAD;
  const drawCells = (texts: string[], at: { x: number; width: number }[], height: number) => {
    const top = pdf.y;
    for (const [i, c] of at.entries()) {
      pdf.rect(c.x, top, c.width, height).lineWidth(0.75).stroke();
      if (texts[i]) pdf.text(texts[i], c.x + CELL_PAD, top + CELL_PAD, { width: c.width - 2 * CELL_PAD, lineGap: 1 });
    }
    pdf.x = left;
    pdf.y = top + height;
  };
  const headingRow = () => {
    pdf.font('bold').fontSize(TABLE_PT);
    const labels = columns.map((c) => c.label);
    drawCells(
      labels,
      cols,
      cellHeight(
        labels,
        cols.map((c) => c.width),
      ),
    );
    pdf.font('body').fontSize(TABLE_PT);
  };

  headingRow();
  const full = [{ x: left, width }];
  const drawn: DrawnTable['rows'] = [];
  for (const row of rows) {
    const height = cellHeight(
      row.cells,
      cols.map((c) => c.width),
    );
    const noteHeight = row.note ? cellHeight([row.note], [width]) : 0;
    if (pdf.y + height + noteHeight > bottomLimit(pdf)) {
      pdf.addPage();
      headingRow();
    }
    drawn.push({ page: currentPage(pdf), top: pdf.y });
    drawCells(row.cells, cols, height);
    if (row.note) drawCells([row.note], full, noteHeight);
  }
  return { columns: cols, rows: drawn };
}

/** Writes `text` in a cell drawn earlier (a page number known only once the pages after it are laid out). */
export function fillCell(pdf: Pdf, page: number, at: { x: number; top: number; width: number }, text: string): void {
  pdf.switchToPage(page);
  pdf
    .font('body')
    .fontSize(TABLE_PT)
    .text(text, at.x + CELL_PAD, at.top + CELL_PAD, { width: at.width - 2 * CELL_PAD, lineGap: 1 });
}

/** Page numbers at the foot, "— 1 —" as GB/T 9704 §7.5 sets them; `from` leaves a cover unnumbered (still counted). */
export function numberPages(pdf: Pdf, from = 0): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start + from; i < range.start + range.count; i++) {
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
