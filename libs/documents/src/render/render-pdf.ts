import { CaseDocument } from '../content/document-model';
import { DocumentFonts } from './document-font';
import { drawBlock, drawHeading, numberPages, openPdf } from './pdf-pages';

/**
 * The document as a PDF: A4 with the GB/T 9704 margins, the fonts embedded as subsets (only the glyphs used), and
 * every date and id inside fixed by the document (its date as CreationDate; the file id derives from the info), so
 * the same document always gives the same bytes.
 */
export function renderPdf(doc: CaseDocument, fonts: DocumentFonts): Promise<Buffer> {
  const { pdf, done } = openPdf({ title: `${doc.title} ${doc.number}`, author: doc.issuer, subject: doc.title, date: doc.date }, fonts);
  drawHeading(pdf, doc);
  for (const block of doc.blocks) drawBlock(pdf, block);
  numberPages(pdf);
  pdf.end();
  return done;
}
