import { CaseContext } from '../case-context';
import { CaseEventBody } from '../case-events';
import { CommandOutcome, IssuedDocument, issuerOf } from '../decide/decision-env';
import { violation } from '../legal-conditions/legal-rules';
import { CommandSpecs } from './command-spec';

/**
 * 签发文书: the document of `kind` as the case's events up to now produce it, numbered and hashed by the engine (which
 * renders it; a document the case has not produced, or whose data is missing, is refused there). One issue per
 * occurrence: a document served under one number is the legal act (行政处罚法第六十一条); a second number for the same
 * 告知书 or 决定书 would make two. A kind the case produces again (REPEATABLE_DOCUMENTS: a second 责令限期整改 after a
 * failed 复查 …) is a new act, issued again once that new occurrence exists (the context forgets the earlier issue then).
 * The issued one is fetched again by its number, rendered from the revision it was issued at.
 */
export function issueDocument(ctx: CaseContext, body: DocumentBodies['issue-document']): CommandOutcome {
  const issued = ctx.issuedDocuments[body.kind];
  if (issued) return { violations: [violation('documentNotYetIssued', `${body.kind}: ${issued}`)] };
  return {
    issue: body.kind,
    events: (doc: IssuedDocument): CaseEventBody[] => [
      {
        type: 'DocumentIssued',
        data: {
          kind: body.kind,
          number: doc.number.no,
          format: 'pdf',
          sha256: doc.sha256,
          revision: doc.revision,
          ...issuerOf(doc.number),
        },
      },
    ],
  };
}

/** The bodies of this family's commands (URL form kebab-case, as in the officers' API contract). */
export interface DocumentBodies {
  'issue-document': { kind: string };
}

export const DOCUMENT_COMMANDS: CommandSpecs<DocumentBodies> = {
  'issue-document': {
    summary: '签发文书 (a handling officer; once the case has produced the document; records its number and SHA-256)',
    emits: ['DocumentIssued'],
    who: { roles: ['officer'], relation: 'handlingOfficer' },
    decide: issueDocument,
  },
};
