/** RFC 9457 problem details, with the Chinese message first and the English one second. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_BASE = 'https://casetrail.example/problems/';

export function problem(
  status: number,
  slug: string,
  title: string,
  extra: Omit<Partial<ProblemDetails>, 'status' | 'type' | 'title'> = {},
): ProblemDetails {
  return { type: `${PROBLEM_BASE}${slug}`, title, status, ...extra };
}

/** An HTTP error carrying its problem document (thrown by validation, auth and policy). */
export class ProblemException extends Error {
  constructor(readonly body: ProblemDetails) {
    super(body.detail ?? body.title);
  }
}
