import { HttpClient } from './http-client';
import { HEAD, OFFICER_1, at, openCaseBody } from './fixtures';
import { TestApp, startTestApp } from './test-app';

/** Opens a case of 北湖区 (2026-09-01) and has the head file it (2026-09-02); returns its id. */
export async function openAndFile(http: HttpClient, overrides: Record<string, unknown> = {}): Promise<string> {
  const id: string = (await http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody(overrides))).body.case.caseId;
  const filed = await http.as(HEAD, 'POST', `/api/v1/cases/${id}/commands/approve-filing`, { occurredAt: at('2026-09-02') });
  if (filed.status !== 200) throw new Error(`approve-filing: ${filed.status} ${JSON.stringify(filed.body)}`);
  return id;
}

/** Starts the application and opens and files one case in it (as `openAndFile`): the start of a suite about one case. */
export async function startWithFiledCase(): Promise<{ t: TestApp; id: string }> {
  const t = await startTestApp();
  return { t, id: await openAndFile(t.http) };
}
