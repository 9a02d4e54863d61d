/**
 * 文书签发: a document issued to the file or to the party, with the proof of what it said — the SHA-256 of its PDF
 * as rendered from the case's events up to `revision` (events [0..revision], this event excluded) and the registry.
 */
export interface DocumentIssuedData {
  /** The document's kind, as the documents name it (`penalty-notice`, `penalty-decision`, …). */
  kind: string;
  /** 文号: the case or decision number the document bears, or the number of its own series taken at issue. */
  number: string;
  format: 'pdf';
  sha256: string;
  /** The case revision the document was rendered from. */
  revision: number;
  /** The issuing agency when it is not the case's own (an entrusted organisation's case, 行政处罚法第二十条). */
  issuerAgencyId?: string;
}
