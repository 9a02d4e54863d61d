import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CaseDocument, DocumentBlock, FormRow, TableColumn, TableRow as Row } from '../content/document-model';
import { FONT_PT, PAGE_MM, WORD_FONTS, mmToTwip } from './page-layout';

const halfPoints = (pt: number) => pt * 2;
const run = (text: string, font: string, pt: number, bold = false) =>
  new TextRun({ text, bold, size: halfPoints(pt), font: { ascii: font, eastAsia: font, hAnsi: font, cs: font } });
/** 28 pt between lines: GB/T 9704's 22 lines on the 225 mm text block. */
const LINE = { line: 560, lineRule: 'exact' as const };

/**
 * The document as Word (DOCX): A4 with the GB/T 9704 margins, fonts named as the national norms name them (宋体
 * titles, 仿宋_GB2312 text, 黑体 headings), so an office prints it on its own fonts. The library stamps the current time
 * into docProps/core.xml and the zip entries; both are set to the document's date so the same document gives the
 * same bytes.
 */
export async function renderDocx(doc: CaseDocument): Promise<Buffer> {
  const textWidth = mmToTwip(PAGE_MM.width - PAGE_MM.left - PAGE_MM.right);
  const file = new Document({
    creator: doc.issuer,
    lastModifiedBy: doc.issuer,
    title: `${doc.title} ${doc.number}`,
    subject: doc.title,
    revision: 1,
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwip(PAGE_MM.width), height: mmToTwip(PAGE_MM.height) },
            margin: {
              top: mmToTwip(PAGE_MM.top),
              bottom: mmToTwip(PAGE_MM.bottom),
              left: mmToTwip(PAGE_MM.left),
              right: mmToTwip(PAGE_MM.right),
            },
          },
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(doc.issuer, WORD_FONTS.title, FONT_PT.issuer, true)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(doc.title, WORD_FONTS.title, FONT_PT.title, true)] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(doc.number, WORD_FONTS.body, FONT_PT.body)],
          }),
          ...doc.blocks.flatMap((b) => block(b, textWidth)),
        ],
      },
    ],
  });
  return fixTimestamps(await Packer.toBuffer(file), doc.date);
}

function block(b: DocumentBlock, textWidth: number): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'paragraph':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: LINE,
          indent: b.indent === false ? undefined : { firstLine: FONT_PT.body * 2 * 20 },
          children: [run(b.text, WORD_FONTS.body, FONT_PT.body)],
        }),
      ];
    case 'heading':
      return [new Paragraph({ spacing: LINE, children: [run(b.text, WORD_FONTS.heading, FONT_PT.body)] })];
    case 'form':
      return [form(b.rows, textWidth), new Paragraph({ children: [] })];
    case 'table':
      return [table(b.columns, b.rows, textWidth), new Paragraph({ children: [] })];
    case 'signature':
      return [
        new Paragraph({ children: [] }),
        ...[...b.lines, ...(b.seal ? ['（印章）'] : [])].map(
          (line) =>
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              spacing: LINE,
              indent: { right: FONT_PT.body * 2 * 20 },
              children: [run(line, WORD_FONTS.body, FONT_PT.body)],
            }),
        ),
      ];
  }
}

function form(rows: FormRow[], textWidth: number): Table {
  const labelWidth = mmToTwip(46);
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, width: number, minLines = 1) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders,
      children: [text, ...Array<string>(minLines - 1).fill('')].map(
        (t) => new Paragraph({ children: [run(t, WORD_FONTS.body, FONT_PT.body - 2)] }),
      ),
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [labelWidth, textWidth - labelWidth],
    rows: rows.map(
      (r) =>
        new TableRow({
          children: [cell(r.label, labelWidth), 'value' in r ? cell(r.value, textWidth - labelWidth) : cell('', textWidth - labelWidth, 3)],
        }),
    ),
  });
}

/** A ruled table in 10 pt: the heading row in 黑体, a row's note across the full width under it. */
function table(columns: TableColumn[], rows: Row[], textWidth: number): Table {
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => Math.round((textWidth * c.weight) / total));
  const cell = (text: string, width: number, font: string, columnSpan?: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders,
      columnSpan,
      children: [new Paragraph({ children: [run(text, font, 10)] })],
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c.label, widths[i], WORD_FONTS.heading)) }),
      ...rows.flatMap((r) => [
        new TableRow({ cantSplit: true, children: r.cells.map((t, i) => cell(t, widths[i], WORD_FONTS.body)) }),
        ...(r.note ? [new TableRow({ cantSplit: true, children: [cell(r.note, textWidth, WORD_FONTS.body, columns.length)] })] : []),
      ]),
    ],
  });
}

/** Sets docProps/core.xml's created/modified and every zip entry's time to the document's date. */
function fixTimestamps(docx: Buffer, date: string): Buffer {
  const entries = unzipSync(new Uint8Array(docx));
  const stamp = `${date}T00:00:00Z`;
  const core = entries['docProps/core.xml'];
  if (core)
    entries['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${stamp}$2`),
    );
  // Local midday of the date: zip stores local time, so midday stays on the same date in every time zone.
  const mtime = new Date(`${date}T12:00:00Z`);
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, [bytes, { mtime, level: 6 }]]))));
}
