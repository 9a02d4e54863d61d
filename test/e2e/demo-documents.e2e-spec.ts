import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFile } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { DOCUMENT_KINDS, DocumentKind, yuanInCapitals } from '@app/documents';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { TestApp, startTestApp } from '../support/test-app';
import { documentDownloads } from '../support/document-downloads';
import { missingFrom } from '../support/fixtures';

/**
 * Every document of every case of the demo year, over real HTTP: for each case, each kind its events have produced
 * renders as PDF and DOCX, and the text read back (pdftotext, the DOCX XML) names what the case's events and the
 * registry say it must — agency, number, party, and for the decisions the legal basis, the fine in figures and in
 * capitals and the remedy bodies with their periods. A kind the events have not produced is refused as not produced;
 * no document the events have produced may be refused for missing data (the demo seed holds what its documents need).
 */
const NOW = new Date('2026-11-27T15:00:00+08:00');
const SUPERVISOR = 'u-431000-supervisor';
const ADMIN = 'u-431000-admin';
const PARALLEL = 4;
const run = promisify(execFile);
const writeFileAsync = promisify(writeFile);

interface WireEvent {
  type: string;
  data: Record<string, unknown>;
}

interface Agency {
  id: string;
  name: string;
  entrustedBy?: string;
  reconsiderationBody?: string;
  litigationCourt?: string;
}

interface Penalty {
  kind: string;
  amountYuan?: number;
}

/** Article numbers as statutes are cited (99 → 九十九, 101 → 一百零一), written here apart from the library's. */
function article(n: number): string {
  const d = '〇一二三四五六七八九';
  const tens = (m: number) => (m < 10 ? d[m] : `${m >= 20 ? d[Math.floor(m / 10)] : ''}十${m % 10 ? d[m % 10] : ''}`);
  if (n < 100) return tens(n);
  const rest = n % 100;
  return `${d[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${d[rest]}` : `${d[Math.floor(rest / 10)]}十${rest % 10 ? d[rest % 10] : ''}`}`;
}

/** '安全生产法 Art. 99' → 《安全生产法》第九十九条. */
function cited(basis: string): string {
  const m = /^(.+?)\s*Art\.\s*(\d+)$/.exec(basis.trim());
  if (!m) throw new Error(`a demo legal basis this test does not cite: ${basis}`);
  return `《${m[1]}》第${article(Number(m[2]))}条`;
}

/** 35000 → 人民币叁万伍仟元整（35,000.00元）: capitals by the library (checked on fixed values below), figures here. */
const amount = (yuan: number) =>
  `${yuanInCapitals(yuan)}（${yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元）`;

const fines = (penalties: Penalty[] = []) => penalties.filter((p) => p.kind === 'fine').map((p) => p.amountYuan ?? 0);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The kind code a document numbered after the case takes in place of 立 (the demo agencies keep the default formats). */
const KIND_CODES: Partial<Record<DocumentKind, string>> = {
  'penalty-notice': '罚告',
  'hearing-notice': '听通',
  'enforcement-demand': '催告',
  'payment-reminder': '催缴',
  'enforcement-application': '强执申',
  'criminal-referral': '移',
  'rectification-order': '责改',
  'reinspection-opinion': '复查',
  'seizure-decision': '查扣',
  'seizure-release-decision': '解扣',
};

/** What a case's events say its documents must state, and which kinds they have produced. */
function expectations(events: WireEvent[], agencies: Map<string, Agency>) {
  const all = (type: string) => events.filter((e) => e.type === type);
  const last = (type: string) => all(type).at(-1)?.data;
  const opened = last('CaseOpened') as { agencyId: string; party: { name: string } };
  const filed = last('CaseFiled') as { caseNo: string; issuerAgencyId?: string } | undefined;
  const decision = events.filter((e) => e.type === 'PenaltyDecided' || e.type === 'NoPenaltyDecided').at(-1);
  const decided = decision?.data as
    { decisionNo: string; issuerAgencyId?: string; legalBasis: string[]; penalties?: Penalty[] } | undefined;
  const notice = last('PenaltyNoticeServed') as { proposedPenalties: Penalty[]; legalBasis: string[] } | undefined;
  const issuerId =
    decided?.issuerAgencyId ??
    filed?.issuerAgencyId ??
    (filed ? opened.agencyId : (agencies.get(opened.agencyId)?.entrustedBy ?? opened.agencyId));
  const agency = agencies.get(issuerId);
  if (!agency) throw new Error(`agency ${issuerId} is not in the registry`);
  const remedies = [`六十日内向${agency.reconsiderationBody}申请行政复议`, `六个月内依法向${agency.litigationCourt}提起行政诉讼`];
  const evidenceOf = (kind: string) => all('EvidenceRecorded').some((e) => e.data.kind === kind);
  const release = last('SeizureReleased') as { disposition: string } | undefined;
  const decidedFine = sum(fines(decided?.penalties));
  const paidBefore = (type: string) => {
    const at = events.findIndex((e) => e.type === type);
    const paid = events
      .slice(0, at)
      .filter((e) => e.type === 'PaymentRecorded')
      .at(-1)?.data.paidTotalYuan;
    return (paid as number | undefined) ?? 0;
  };
  const paidTotal = (last('PaymentRecorded')?.paidTotalYuan as number | undefined) ?? 0;

  const produced: Record<DocumentKind, boolean> = {
    'filing-approval': !!filed,
    'filing-refusal-notice': all('FilingRejected').length > 0,
    'inspection-record': evidenceOf('inspection'),
    'inquiry-record': evidenceOf('inquiry'),
    'sampling-record': evidenceOf('sampling'),
    'rectification-order': all('RectificationOrdered').length > 0,
    'reinspection-opinion': all('ReinspectionRecorded').length > 0,
    'seizure-decision': all('SeizureImposed').length > 0,
    'seizure-release-decision': release?.disposition === 'released',
    'extension-approval': all('HandlingPeriodExtended').length > 0,
    'penalty-notice': !!notice,
    'hearing-notice': all('HearingScheduled').length > 0,
    'hearing-record': all('HearingHeld').length + all('HearingForfeited').length > 0,
    'hearing-report': all('HearingHeld').length + all('HearingForfeited').length > 0,
    'legal-review-opinion': all('LegalReviewCompleted').length > 0,
    'collective-deliberation': all('CollectiveDiscussionRecorded').length > 0,
    'penalty-decision': decision?.type === 'PenaltyDecided',
    'no-penalty-decision': decision?.type === 'NoPenaltyDecided',
    // Either decision, once served after it was made.
    'service-receipt': !!decision && events.slice(events.indexOf(decision)).some((e) => e.type === 'DecisionServed'),
    'enforcement-demand': all('EnforcementUrged').length > 0,
    'payment-reminder': all('EnforcementUrged').length > 0,
    'enforcement-application': all('CourtEnforcementApplied').length > 0,
    'criminal-referral': all('CaseTransferredToPolice').length > 0,
    'closing-approval': all('CaseClosed').length > 0,
  };

  function number(kind: DocumentKind): string | null {
    // A document states its latest occurrence, which bears the latest issue of its kind (each is issued with its step).
    const issued = [...events].reverse().find((e) => e.type === 'DocumentIssued' && e.data.kind === kind);
    if (issued) return issued.data.number as string;
    if (kind === 'filing-refusal-notice') return null;
    if (kind === 'penalty-decision' || kind === 'no-penalty-decision' || kind === 'service-receipt') return decided!.decisionNo;
    const code = KIND_CODES[kind];
    return code ? filed!.caseNo.replace('立〔', `${code}〔`) : filed!.caseNo;
  }

  /** The strings the document must contain, each from the events or the registry. */
  function says(kind: DocumentKind): string[] {
    const parts = [agency!.name, opened.party.name];
    const no = number(kind);
    if (no) parts.push(no);
    switch (kind) {
      case 'penalty-decision':
        return [...parts, ...decided!.legalBasis.map(cited), ...fines(decided!.penalties).map((y) => `罚款${amount(y)}`), ...remedies];
      case 'no-penalty-decision':
        return [...parts, ...decided!.legalBasis.map(cited), ...remedies];
      case 'penalty-notice':
        return [...parts, ...notice!.legalBasis.map(cited), ...fines(notice!.proposedPenalties).map((y) => `罚款${amount(y)}`)];
      case 'hearing-notice':
        return [...parts, ...fines(notice!.proposedPenalties).map((y) => `罚款${amount(y)}`)];
      case 'rectification-order':
      case 'seizure-decision':
        return [...parts, ...remedies];
      case 'enforcement-demand':
        return [...parts, `尚欠的罚款${amount(decidedFine - paidBefore('EnforcementUrged'))}`];
      case 'payment-reminder':
        return [...parts, `尚欠罚款${amount(decidedFine - paidBefore('EnforcementUrged'))}`];
      case 'enforcement-application':
        return [...parts, `尚欠的罚款${amount(decidedFine - paidBefore('CourtEnforcementApplied'))}`];
      case 'criminal-referral':
        return [...parts, `${(last('CaseTransferredToPolice') as { policeAgency: string }).policeAgency}：`];
      case 'closing-approval':
        return paidTotal > 0 ? [...parts, `已缴纳罚款${amount(paidTotal)}`] : parts;
      default:
        return parts;
    }
  }

  return { produced, says };
}

/** Runs `work` over `items`, at most `n` at a time. */
async function bounded<T>(items: T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

describe('every document of the demo year', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casetrail-demo-documents-'));
  const scratch = mkdtempSync(path.join(tmpdir(), 'casetrail-demo-documents-pdf-'));
  let t: TestApp;
  let caseIds: string[];

  beforeAll(async () => {
    t = await startTestApp({ env: { SEED_DEMO: 'true' }, clock: () => new Date(NOW), dataDir });
    const seed = (await t.app.get<EventStore>(EVENT_STORE).readStream('demo-seed'))[0].data as { caseIds: string[]; failed: string[] };
    expect(seed.failed).toEqual([]);
    caseIds = seed.caseIds;
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  it('states capitals and figures as written by hand', () => {
    expect(amount(35000)).toBe('人民币叁万伍仟元整（35,000.00元）');
    expect(amount(10500)).toBe('人民币壹万零伍佰元整（10,500.00元）');
    expect(amount(8000)).toBe('人民币捌仟元整（8,000.00元）');
    expect([cited('安全生产法 Art. 99'), cited('安全生产法 Art. 101'), cited('安全生产法 Art. 113')]).toEqual([
      '《安全生产法》第九十九条',
      '《安全生产法》第一百零一条',
      '《安全生产法》第一百一十三条',
    ]);
  });

  it('renders every produced document of every case as PDF and DOCX, saying what the events say', async () => {
    const docs = documentDownloads(t);
    const registry = await t.http.as(ADMIN, 'GET', '/api/v1/admin/agencies');
    expect(registry.status).toBe(200);
    const agencies = new Map<string, Agency>((registry.body.items as Agency[]).map((a) => [a.id, a]));

    const jobs: { id: string; kind: DocumentKind; says: string[] }[] = [];
    const notProduced: { id: string; kind: DocumentKind }[] = [];
    const rendered = new Map<DocumentKind, number>();
    const wrong: unknown[] = [];
    for (const id of caseIds) {
      const events = await t.http.as(SUPERVISOR, 'GET', `/api/v1/cases/${id}/events`);
      expect(events.status).toBe(200);
      const expected = expectations(events.body as WireEvent[], agencies);
      for (const kind of DOCUMENT_KINDS)
        if (expected.produced[kind]) jobs.push({ id, kind, says: expected.says(kind).map((s) => s.replace(/\s+/g, '')) });
        else notProduced.push({ id, kind });
    }

    await bounded(jobs, PARALLEL, async ({ id, kind, says }) => {
      const [pdf, docx] = [await docs.download(id, kind, 'pdf', SUPERVISOR), await docs.download(id, kind, 'docx', SUPERVISOR)];
      if (pdf.status !== 200 || docx.status !== 200) {
        wrong.push({ id, kind, pdf: pdf.status, docx: docx.status, problem: pdf.status !== 200 ? pdf.problem() : docx.problem() });
        return;
      }
      const file = path.join(scratch, `${id}-${kind}.pdf`);
      await writeFileAsync(file, pdf.bytes);
      // Whitespace removed (CJK lines break anywhere) and the page numbers (— 2 —) a sentence may run across.
      const pdfText = (await run('pdftotext', [file, '-'])).stdout.replace(/\s+/g, '').replace(/—\d+—/g, '');
      const docxText = strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml'])
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, '');
      for (const [format, text] of [
        ['pdf', pdfText],
        ['docx', docxText],
      ]) {
        const missing = missingFrom(text, says);
        if (missing.length) wrong.push({ id, kind, format, missing });
      }
      rendered.set(kind, (rendered.get(kind) ?? 0) + 1);
    });

    // What the events have not produced is refused as such, naming the step that would produce it.
    await bounded(notProduced, PARALLEL, async ({ id, kind }) => {
      const res = await docs.download(id, kind, 'pdf', SUPERVISOR);
      const type = res.status === 422 ? (res.problem().type as string) : '';
      if (!type.endsWith('document-not-produced')) wrong.push({ id, kind, status: res.status, type });
    });

    console.log(
      `demo documents: ${caseIds.length} cases, ${jobs.length} documents rendered as PDF and DOCX (${jobs.length * 2} files), ` +
        `${notProduced.length} refused as not produced; by kind: ${JSON.stringify(Object.fromEntries(rendered))}`,
    );
    expect(wrong).toEqual([]);
    expect(DOCUMENT_KINDS.filter((k) => !rendered.get(k))).toEqual([]);
    expect(jobs.length).toBe(sum([...rendered.values()]));
  }, 600_000);
});
