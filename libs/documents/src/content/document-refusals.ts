import { DocumentKind } from './document-model';

/** What is refused: a document, or the case file (案卷) that binds them. */
export type RefusedKind = DocumentKind | 'dossier';

/** A field a document needs that neither the case's events nor the registry give (the document is refused, never blank). */
export interface MissingField {
  field: string;
  zh: string;
}

export class DocumentDataMissingError extends Error {
  constructor(
    readonly kind: RefusedKind,
    readonly missing: MissingField[],
  ) {
    super(`${kind}: 缺少 ${missing.map((m) => `${m.zh} (${m.field})`).join('、')}`);
    this.name = 'DocumentDataMissingError';
  }
}

/** The case has not reached the step that produces the document (e.g. a 决定书 before `decide`). */
export class DocumentNotProducedError extends Error {
  constructor(
    readonly kind: RefusedKind,
    readonly zh: string,
    readonly producedBy: string,
  ) {
    super(`${zh} (${kind} is produced by ${producedBy})`);
    this.name = 'DocumentNotProducedError';
  }
}

/** Collects every missing field of a document before refusing, so one answer names them all. */
export class Requirements {
  private readonly missing: MissingField[] = [];

  constructor(private readonly kind: RefusedKind) {}

  /** The value, or '' with the field recorded as missing (`done` then refuses). */
  need(value: string | null | undefined, field: string, zh: string): string {
    if (value === undefined || value === null || value.trim() === '') {
      this.missing.push({ field, zh });
      return '';
    }
    return value;
  }

  /** Records a missing field when a condition on the data does not hold. */
  require(ok: boolean, field: string, zh: string): void {
    if (!ok) this.missing.push({ field, zh });
  }

  done(): void {
    if (this.missing.length) throw new DocumentDataMissingError(this.kind, this.missing);
  }
}
