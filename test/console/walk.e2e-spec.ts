import { Page } from 'playwright-core';
import {
  CaseEventType,
  DEADLINE_KIND_NAMES,
  EVENT_TYPE_NAMES,
  EVIDENCE_KIND_NAMES,
  LEGAL_REVIEW_OUTCOME_NAMES,
  OUTCOME_NAMES,
  PENALTY_KIND_NAMES,
  SERVICE_METHOD_NAMES,
} from '@workflows/enforcement-case';
import {
  EVENTS_DECIDED_TO_CLOSED,
  EVENTS_TO_PENALTY_NOTICE,
  HEAD,
  OFFICER_1,
  OFFICER_2,
  OFFICER_3,
  REVIEWER,
  at,
} from '../support/fixtures';
import {
  ConsoleHarness,
  addTags,
  choose,
  fillOpenCase,
  screenshot,
  seriousAxeViolations,
  signIn,
  signOut,
  startConsoleHarness,
  submitOpenCase,
} from './console-browser';

/**
 * One case from 立案 to 结案 through the console's forms only: each person signs in as themselves on the same browser
 * (one desk, several users), opens the command with its button on the case page and fills the form built from the
 * command's OpenAPI body. Every step says when it happened (发生时间), on a fixed September 2026, so the statutory
 * calendar is the one under test: Sunday 2026-09-20 is a make-up working day (调休) before National Day.
 */

// A browser on a shared machine: generous limits per test (nothing here asserts a duration).
jest.setTimeout(300_000);

const FINE = 50000; // ≥ 30,000 yuan against an organisation: a hearing right, so a major decision (行政处罚法第五十八条、第六十三条)
const BASIS = '安全生产法 Art. 99';

describe('办案全流程 in Chromium: one case from 立案 to 结案 with the console forms alone', () => {
  let h: ConsoleHarness;
  let page: Page;
  let caseUrl: string;
  let caseId: string;

  async function audit(name: string) {
    await screenshot(page, name);
    expect({ page: name, violations: await seriousAxeViolations(page) }).toEqual({ page: name, violations: [] });
  }

  /** Signs out whoever is at the desk and signs in as `userId`, back on the case page. */
  async function as(userId: string) {
    if (await page.getByRole('button', { name: '退出登录' }).count()) await signOut(page);
    await signIn(page, userId);
    await page.goto(caseUrl);
    await page.getByTestId('case-stage').waitFor();
  }

  /** Opens a command's form with its button on the case page. */
  async function open(command: string) {
    await page.locator(`[data-command="${command}"]`).click();
    await page.getByRole('dialog').waitFor();
    await page.locator(`#${command}_occurredAt`).waitFor();
  }

  /** Submits the open form and waits for the new stage (the form closes on success). */
  async function submit(stage: string) {
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page
      .getByTestId('case-stage')
      .filter({ hasText: new RegExp(`^${stage}$`) })
      .waitFor();
  }

  /** A command's form: 发生时间, then the fields `fill` types into; submitted, the case is at `stage`. */
  async function step(command: string, occurredAt: string, stage: string, fill: () => Promise<void> = async () => undefined) {
    await open(command);
    await page.locator(`#${command}_occurredAt`).fill(occurredAt);
    await fill();
    await submit(stage);
  }

  /** The first penalty of a list of penalties: a fine of FINE yuan (the list, labelled `list`, starts empty where penalties are optional). */
  async function fine(listId: string, list: string) {
    if (!(await page.locator(`#${listId}_0_kind`).count())) await page.getByRole('button', { name: `添加${list}` }).click();
    await choose(page, `${listId}_0_kind`, PENALTY_KIND_NAMES.fine.zh);
    await page.locator(`#${listId}_0_amountYuan`).fill(String(FINE));
  }

  const apiView = async () => (await h.http.as(REVIEWER, 'GET', `/api/v1/cases/${caseId}`)).body;

  beforeAll(async () => {
    h = await startConsoleHarness();
    page = await h.newPage();
  }, 120_000);
  afterAll(async () => h?.close());

  it('an officer opens the case with the 立案 form; the head, signed in as themselves, approves the filing', async () => {
    await signIn(page, OFFICER_1);
    await page.goto('/cases');
    await page.getByRole('button', { name: '立案登记' }).click();
    await fillOpenCase(page, {
      party: '郴州市北湖区全流程测试烟花爆竹经营部',
      creditCode: '91431002MA4L000079',
      discoveredAt: '2026-09-01',
      officers: [OFFICER_1, OFFICER_2],
      occurredAt: at('2026-09-01'),
    });
    await submitOpenCase(page);
    caseUrl = new URL(page.url()).pathname;
    caseId = caseUrl.split('/').pop()!;
    await page.getByTestId('case-stage').filter({ hasText: '立案审批' }).waitFor();

    await as(HEAD);
    await step('approve-filing', at('2026-09-02'), '调查取证', () => page.locator('#approve-filing_opinion').fill('同意立案'));
    await expect(page.getByTestId('case-no').textContent()).resolves.toMatch(/^北应急立〔2026〕\d+号$/);
  });

  it('the officer records evidence, concludes the investigation and serves the penalty notice (告知) with its periods', async () => {
    await as(OFFICER_1);
    await step('record-evidence', at('2026-09-03'), '调查取证', async () => {
      await choose(page, 'record-evidence_kind', EVIDENCE_KIND_NAMES.inspection.zh);
      await page.locator('#record-evidence_title').fill('现场检查笔录');
      await addTags(page, 'record-evidence_officerIds', [OFFICER_1, OFFICER_2]);
      await page.locator('#record-evidence_contentHash').fill('c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc');
    });
    // The case page lists the evidence: its kind by name, its title, and the start of its content hash.
    const evidence = page.getByLabel('证据', { exact: true }).locator('tbody tr', { hasText: '现场检查笔录' });
    await evidence.waitFor();
    await expect(evidence.textContent()).resolves.toMatch(
      new RegExp(`^${EVIDENCE_KIND_NAMES.inspection.zh}现场检查笔录.*c0ffee0011223344`),
    );
    await step('conclude-investigation', at('2026-09-15'), '案件审理', async () => {
      await page.locator('#conclude-investigation_findings').fill('超量储存属实');
      await choose(page, 'conclude-investigation_proposedOutcome', OUTCOME_NAMES.penalty.zh);
      await fine('conclude-investigation_proposedPenalties', '建议的处罚');
      await addTags(page, 'conclude-investigation_legalBasis', [BASIS]);
    });
    await step('issue-penalty-notice', at('2026-09-16'), '案件审理', async () => {
      await fine('issue-penalty-notice_proposedPenalties', '拟作出的处罚');
      await addTags(page, 'issue-penalty-notice_legalBasis', [BASIS]);
    });
    // Three working days to state a defence and five to ask for a hearing, counted on the statutory calendar:
    // 09-17, 09-18, then Sunday 09-20 (调休) — not Monday 09-21 as a plain weekday count would have it.
    const due = (kind: string) =>
      page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: kind, exact: true }) })
        .locator('td:nth-child(3)')
        .textContent();
    await expect(due(DEADLINE_KIND_NAMES.statement.zh)).resolves.toBe('2026-09-20');
    await expect(due(DEADLINE_KIND_NAMES.hearing_request.zh)).resolves.toBe('2026-09-22');
  });

  it('the head may not decide before the legality review: every unmet condition is listed with its article, and nothing is written', async () => {
    await as(HEAD);
    const before = (await apiView()).revision;
    await open('decide');
    await page.locator('#decide_occurredAt').fill(at('2026-09-22'));
    await choose(page, 'decide_outcome', OUTCOME_NAMES.penalty.zh);
    await fine('decide_penalties', '处罚内容');
    await addTags(page, 'decide_legalBasis', [BASIS]);
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    const alert = page.getByRole('dialog').getByRole('alert').filter({ hasText: '不符合法定条件' });
    await alert.waitFor();
    const items = alert.getByRole('listitem');
    const found = await items.evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-rule'), li.textContent]));
    expect(found.map(([rule]) => rule).sort()).toEqual([
      'collectiveDiscussionForMajorCase',
      'hearingRequestPeriodOver',
      'legalReviewApprovedForMajorCase',
    ]);
    const text = Object.fromEntries(found);
    expect(text.legalReviewApprovedForMajorCase).toContain('依据：行政处罚法 Art. 58');
    expect(text.collectiveDiscussionForMajorCase).toContain('依据：行政处罚法 Art. 57(2)');
    expect(text.hearingRequestPeriodOver).toContain('依据：行政处罚法 Art. 64(1)');
    await audit('command-form-decide-422');
    expect((await apiView()).revision).toBe(before);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  });

  it('the legal reviewer completes the legality review with the keyboard alone', async () => {
    await as(REVIEWER);
    // Tab to the command's button, Enter opens its form.
    // What has the focus (evaluated in the page: its data-command, else its id).
    const focused = () => page.evaluate<string>("document.activeElement?.getAttribute('data-command') ?? document.activeElement?.id ?? ''");
    for (let i = 0; i < 60 && (await focused()) !== 'record-legal-review'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('record-legal-review');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    // Into the form: the fields in the order they are shown.
    for (let i = 0; i < 10 && (await focused()) !== 'record-legal-review_occurredAt'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('record-legal-review_occurredAt');
    await page.keyboard.type(at('2026-09-22', '15:00:00'));
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('record-legal-review_outcome');
    await page.keyboard.press('ArrowDown'); // opens the list on 'approved'
    await page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option-active[title="${LEGAL_REVIEW_OUTCOME_NAMES.approved.zh}"]`)
      .waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('record-legal-review_legalBasisCorrect');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('record-legal-review_opinion');
    await page.keyboard.type('事实清楚，证据确凿，适用法律正确，程序合法，同意处罚');
    await page.keyboard.press('Tab');
    await expect(page.evaluate<string>("document.activeElement?.textContent.replace(/\\s/g, '')")).resolves.toBe('提交');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    // Focus returns to the button that opened the form.
    expect(await focused()).toBe('record-legal-review');
    const events = (await h.http.as(REVIEWER, 'GET', `/api/v1/cases/${caseId}/events`)).body as { type: string; data: object }[];
    expect(events[events.length - 1]).toMatchObject({
      type: 'LegalReviewCompleted',
      data: { outcome: 'approved', legalBasisCorrect: true, reviewerId: REVIEWER },
    });
  });

  it('the head records the collective discussion and decides once the hearing-request period is over; service, payment and closing follow', async () => {
    await as(HEAD);
    await step('record-collective-discussion', at('2026-09-23', '09:00:00'), '案件审理', async () => {
      await addTags(page, 'record-collective-discussion_participantIds', [HEAD, REVIEWER, OFFICER_3]);
      await page.locator('#record-collective-discussion_conclusion').fill('同意按告知内容作出处罚决定');
    });
    // 09-23 is the first day after the hearing-request period (due 09-22 on the statutory calendar).
    await step('decide', at('2026-09-23'), '已作出决定，待送达', async () => {
      await choose(page, 'decide_outcome', OUTCOME_NAMES.penalty.zh);
      await fine('decide_penalties', '处罚内容');
      await addTags(page, 'decide_legalBasis', [BASIS]);
    });
    await expect(page.getByText(/^北应急罚〔2026〕\d+号$/).count()).resolves.toBe(1);

    await as(OFFICER_1);
    await step('serve-decision', at('2026-09-24'), '执行', () => choose(page, 'serve-decision_method', SERVICE_METHOD_NAMES.direct.zh));
    await step('record-payment', at('2026-09-30'), '执行完毕', async () => {
      await page.locator('#record-payment_amountYuan').fill(String(FINE));
      await page.locator('#record-payment_receiptNo').fill('HN2026-0930001');
    });
    // Each handling officer confirms the interference record (郴政办发〔2016〕19号) before the head closes the case.
    await step('attest-interference-record', at('2026-10-08'), '执行完毕', () =>
      page.locator('#attest-interference-record_complete').click(),
    );
    await as(OFFICER_2);
    await step('attest-interference-record', at('2026-10-08'), '执行完毕', () =>
      page.locator('#attest-interference-record_complete').click(),
    );
    await as(HEAD);
    await step('close-case', at('2026-10-09'), '结案', () => page.locator('#close-case_summary').fill('罚款缴清，结案'));
    await expect(page.getByText('当前没有您可执行的操作。').count()).resolves.toBe(0); // 干预记录 stays open after closing
    await audit('case-detail-closed');
  });

  it('the timeline shows every step, each with when it happened and who did it', async () => {
    const history = (await h.http.as(REVIEWER, 'GET', `/api/v1/cases/${caseId}/events`)).body as { type: string; revision: number }[];
    expect(history.map((e) => e.type)).toEqual([
      ...EVENTS_TO_PENALTY_NOTICE,
      'LegalReviewCompleted',
      'CollectiveDiscussionRecorded',
      ...EVENTS_DECIDED_TO_CLOSED,
    ]);
    const last = history[history.length - 1].revision;
    await page.getByRole('link', { name: '时间线' }).click();
    await page.getByTestId('timeline-point').locator(`[data-revision="${last}"]`).waitFor();
    const slider = page.getByRole('slider', { name: '选择版本' });
    await slider.focus();
    await slider.press('Home');
    await page.getByTestId('timeline-point').locator('[data-revision="0"]').waitFor();
    await page.getByRole('button', { name: '设为对比起点 A' }).press('Enter');
    await slider.press('End');
    await page.getByTestId('timeline-point').locator(`[data-revision="${last}"]`).waitFor();
    await page.getByRole('button', { name: '设为对比终点 B' }).press('Enter');
    const events = page.getByTestId('timeline-diff').getByTestId('diff-events').locator('[data-revision]');
    await events.nth(last - 1).waitFor();
    const lines = await events.allTextContents();
    // Each line names its event as the case file does (the vocabulary's name of the event type), in order.
    const named = lines.map((l, i) => [history[i + 1]?.type, l.includes(EVENT_TYPE_NAMES[history[i + 1]?.type as CaseEventType]?.zh)]);
    expect(named).toEqual(history.slice(1).map((e) => [e.type, true]));
    // The decision's line (the lines start at revision 1).
    const decided = lines[history.findIndex((e) => e.type === 'PenaltyDecided') - 1];
    expect(decided).toContain('作出处罚决定');
    expect(decided).toMatch(/发生时间 2026-09-23 10:00 · 记录时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2} · 操作人 .*（u-431002-head）/);
    await expect(page.getByTestId('diff-stage').textContent()).resolves.toBe('立案审批 → 结案');
    await audit('timeline-walk');
    expect(h.cspViolations).toEqual([]);
  });
});
