import { StoredEvent } from '@app/event-store';
import { ArchivedDossier } from '@workflows/enforcement-case';

/**
 * How a document to be issued is numbered: by the number it already bears (a case or decision number, taken when
 * the case was filed or decided), or by a number of its own series (its kind code: 罚告 …), taken gapless at issue
 * per issuing agency, series and year. `format` is the series' default (`{short}`, `{year}`, `{n}`); an agency's
 * `numberFormats[series]` overrides it.
 */
export type IssueNumbering = { number: string } | { series: string; format: string };

/**
 * A document built and ready to issue: what it is numbered by, and the SHA-256 of its PDF once it bears a number.
 * `occurrence`, for a document the case produces more than once, is the revision of the event that produced the one
 * issued: each occurrence takes a number of its own series.
 */
export interface PreparedDocument {
  numbering: IssueNumbering;
  occurrence?: number;
  sha256(number: string): Promise<string>;
}

/**
 * Renders the documents the engine issues (the application's renderer: the engine knows no document). `prepare`
 * builds the document of `kind` from the case's events up to the revision it is issued at, and throws to refuse
 * (not produced yet, data missing, no font) before any number is taken.
 */
export interface DocumentSealer {
  prepare(kind: string, events: readonly StoredEvent[]): Promise<PreparedDocument>;
}

/**
 * Binds the 案卷 the engine archives (the application's binder): `archive` binds it as it stood at the case's closing
 * from the case's stored events (their hashes and the anchor covering them are on its integrity page), and hashes it.
 */
export interface DossierSealer {
  archive(events: readonly StoredEvent[]): Promise<ArchivedDossier>;
}
