import { Dossier } from '../content/dossier';
import { dossierContents } from '../content/dossier-parts';
import { DocumentFonts } from './document-font';
import { currentPage, drawBlock, drawHeading, drawTable, fillCell, numberPages, openPdf, textBlock } from './pdf-pages';

/**
 * The 案卷 as one PDF: the cover, the 卷内目录, then each part on a new page, numbered continuously ("— 2 —" from the
 * 目录 on; the cover is counted, not numbered), so a 页号 in the 目录 is the page of the bound file.
 *
 * The 目录 is laid out in one pass with its 页号 cells empty; the cells (and the cover's page count) are filled once
 * every part has been laid out and its first page is known (pdfkit keeps the pages in memory until the end). Writing into reserved cells keeps
 * the layout exact: the 目录's own length depends on the number of its rows, never on the numbers written in them,
 * so nothing has to be laid out twice or measured ahead.
 */
export async function renderDossierPdf(dossier: Dossier, fonts: DocumentFonts): Promise<Buffer> {
  return (await renderDossier(dossier, fonts)).pdf;
}

/** The 案卷 PDF and how many pages it has (本卷共 N 页, as its cover says). */
export function renderDossier(dossier: Dossier, fonts: DocumentFonts): Promise<{ pdf: Buffer; pages: number }> {
  const { pdf, done } = openPdf(
    { title: `${dossier.cover.title} ${dossier.caseNo}`, author: dossier.issuer, subject: dossier.cover.title, date: dossier.date },
    fonts,
  );
  drawHeading(pdf, dossier.cover);
  for (const block of dossier.cover.blocks) drawBlock(pdf, block);
  const coverEnd = pdf.y;

  pdf.addPage();
  drawHeading(pdf, { issuer: '', title: '卷内目录', number: dossier.caseNo });
  const contents = dossierContents(dossier.parts, []);
  const drawn = drawTable(pdf, contents.columns, contents.rows);

  const firstPages = dossier.parts.map((part) => {
    pdf.addPage();
    const first = currentPage(pdf);
    drawHeading(pdf, part);
    for (const block of part.blocks) drawBlock(pdf, block);
    return first;
  });

  const pageColumn = drawn.columns[drawn.columns.length - 1];
  firstPages.forEach((first, i) => fillCell(pdf, drawn.rows[i].page, { ...pageColumn, top: drawn.rows[i].top }, String(first + 1)));
  // 本卷共 N 页 under the cover's form, as a file's cover counts its pages.
  const { left, width } = textBlock(pdf);
  const pages = pdf.bufferedPageRange().count;
  fillCell(pdf, 0, { x: left, top: coverEnd, width }, `本卷共${pages}页`);
  numberPages(pdf, 1);
  pdf.end();
  return done.then((bytes) => ({ pdf: bytes, pages }));
}
