import { HttpClient } from './http-client';

/** Every case behind an assessment figure's link, two a page (the cursor carries the rest). */
export async function casesBehind(http: HttpClient, user: string, href: string): Promise<string[]> {
  const out: string[] = [];
  for (let after: string | null = null, pages = 0; ; pages++) {
    const res = await http.as(user, 'GET', `${href}&limit=2${after ? `&after=${after}` : ''}`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(2);
    out.push(...res.body.items.map((i: { caseId: string }) => i.caseId));
    after = res.body.next;
    if (!after || pages > 50) return out;
  }
}

/** A rate's figures and the cases behind its numerator and denominator. */
export const rateWithCases = async (
  http: HttpClient,
  user: string,
  rate: { numerator: number; denominator: number; numeratorCases: string; denominatorCases: string },
) => ({
  numerator: rate.numerator,
  denominator: rate.denominator,
  numeratorCaseIds: await casesBehind(http, user, rate.numeratorCases),
  denominatorCaseIds: await casesBehind(http, user, rate.denominatorCases),
});
