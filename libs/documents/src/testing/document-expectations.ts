import { buildDocument } from '../content/build-document';
import { DocumentInput } from '../content/document-input';
import { CaseDocument, DocumentKind } from '../content/document-model';
import { DocumentDataMissingError, DocumentNotProducedError } from '../content/document-refusals';
import { documentText } from './document-text';
import { missingFrom } from './sample-case';

/** The refusal a build ends in (the test fails if it renders). */
export function refusal(kind: DocumentKind, input: DocumentInput): Error {
  try {
    buildDocument(kind, input);
  } catch (e) {
    return e as Error;
  }
  throw new Error(`${kind} was rendered`);
}

/** The fields a refusal names as missing, in its order. */
export const missingFields = (e: Error) => (e as DocumentDataMissingError).missing.map((m) => m.field);

/** Builds the document, expects its heading (`issuer`, `title`, `number`, `date`) and every phrase in it; returns its text. */
export function expectDocument(kind: DocumentKind, input: DocumentInput, heading: Partial<CaseDocument>, phrases: string[]): string {
  const doc = buildDocument(kind, input);
  expect(doc).toMatchObject(heading);
  const text = documentText(doc);
  expect(missingFrom(text, phrases)).toEqual([]);
  return text;
}

/** Expects each build refused as not yet produced, naming the command that produces it. */
export function expectNotProduced(cases: readonly [kind: DocumentKind, input: DocumentInput, command: string][]): void {
  for (const [kind, input, command] of cases) {
    const e = refusal(kind, input);
    expect({ kind, error: e.name, producedBy: (e as DocumentNotProducedError).producedBy }).toEqual({
      kind,
      error: 'DocumentNotProducedError',
      producedBy: command,
    });
  }
}
