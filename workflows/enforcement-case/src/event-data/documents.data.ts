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

/**
 * 案卷归档: the case file as filed at closing — the SHA-256 of the 案卷 PDF bound from the case's events up to and
 * including `CaseClosed` (events [0..revision]), the registry, and the anchor its integrity page named.
 */
export interface DossierArchivedData {
  sha256: string;
  /** The case revision the file was bound from: that of `CaseClosed`. */
  revision: number;
  /** The seq of the anchor the integrity page names (the first covering the head), or null while none covered it. */
  anchor: number | null;
  /** 本卷共 N 页. */
  pages: number;
}
