'use strict';
/**
 * The workload: every autocannon connection walks one case through the whole trunk (open → … → close-case),
 * then starts a new case (autocannon repeats the `requests` sequence and resets `context` each time round).
 *
 * Each step's setupRequest fills method/path/headers/body from the per-case `context`. A step only runs if the
 * step before it succeeded (its onResponse recorded it); otherwise setupRequest returns null, which makes
 * autocannon restart the sequence at step 0, i.e. with a new case. So a non-2xx or a timeout never leaves a
 * connection stuck on a broken case.
 */

const crypto = require('node:crypto');

const AGENCY_CODES = ['431002', '431003', '431021'];

const userIds = (code) => ({
  officer1: `u-${code}-officer-1`,
  officer2: `u-${code}-officer-2`,
  officer3: `u-${code}-officer-3`,
  head: `u-${code}-head`,
});

const FINE = [{ kind: 'fine', amountYuan: 5000 }];
const LEGAL_BASIS = ['安全生产法 Art. 99'];

function openCaseBody(code) {
  const u = userIds(code);
  return {
    agencyId: `ag-${code}`,
    source: 'inspection',
    industry: 'fireworks',
    party: { kind: 'organization', name: '压测烟花店', creditCode: '91431002MA4L000079' },
    violations: [{ description: '超量储存', provisions: ['安全生产法 Art. 41'] }],
    discoveredAt: '2026-09-01',
    handlingOfficerIds: [u.officer1, u.officer2],
    summary: '压测案件',
    occurredAt: '2026-09-01T10:00:00+08:00',
  };
}

/**
 * The trunk after open-case. `as` is the acting user's role; `body(code, ctx)` the command body.
 * Dates stay in 2026 (the holiday calendar ends there).
 */
const COMMAND_STEPS = [
  { command: 'approve-filing', as: 'head', body: () => ({ occurredAt: '2026-09-02T10:00:00+08:00' }) },
  {
    command: 'record-evidence',
    as: 'officer1',
    body: (code, ctx) => ({
      kind: 'inspection',
      title: '现场检查记录',
      officerIds: [userIds(code).officer1, userIds(code).officer2],
      contentHash: ctx.contentHash,
      occurredAt: '2026-09-03T10:00:00+08:00',
    }),
  },
  {
    command: 'conclude-investigation',
    as: 'officer1',
    body: () => ({
      findings: '违法事实清楚',
      proposedOutcome: 'penalty',
      proposedPenalties: FINE,
      legalBasis: LEGAL_BASIS,
      occurredAt: '2026-09-10T10:00:00+08:00',
    }),
  },
  {
    command: 'issue-penalty-notice',
    as: 'officer1',
    body: () => ({ proposedPenalties: FINE, legalBasis: LEGAL_BASIS, occurredAt: '2026-09-11T10:00:00+08:00' }),
  },
  { command: 'waive-rights', as: 'officer1', body: () => ({ rights: ['statement'], occurredAt: '2026-09-11T11:00:00+08:00' }) },
  {
    command: 'decide',
    as: 'head',
    body: () => ({ outcome: 'penalty', penalties: FINE, legalBasis: LEGAL_BASIS, occurredAt: '2026-09-14T10:00:00+08:00' }),
  },
  { command: 'serve-decision', as: 'officer1', body: () => ({ method: 'direct', occurredAt: '2026-09-15T10:00:00+08:00' }) },
  {
    command: 'record-payment',
    as: 'officer2',
    body: (code, ctx) => ({ amountYuan: 5000, receiptNo: `R-${ctx.receiptNo}`, occurredAt: '2026-09-20T10:00:00+08:00' }),
  },
  { command: 'attest-interference-record', as: 'officer1', body: () => ({ complete: true, occurredAt: '2026-09-21T10:00:00+08:00' }) },
  { command: 'attest-interference-record', as: 'officer2', body: () => ({ complete: true, occurredAt: '2026-09-21T10:00:00+08:00' }) },
  { command: 'close-case', as: 'head', body: () => ({ summary: '结案', occurredAt: '2026-09-22T10:00:00+08:00' }) },
];

/** Step labels, in order (open-case first); the two attestations are told apart by the acting officer. */
const STEP_LABELS = [
  'open-case',
  ...COMMAND_STEPS.map((s) => (s.command === 'attest-interference-record' ? `${s.command} (${s.as})` : s.command)),
];

/** Fetches one dev token per user the trunk needs: tokens[code][role]. */
async function fetchTokens(baseUrl) {
  const tokens = {};
  for (const code of AGENCY_CODES) {
    tokens[code] = {};
    for (const [role, userId] of Object.entries(userIds(code))) {
      const res = await fetch(`${baseUrl}/api/v1/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`dev-token for ${userId}: HTTP ${res.status} ${text.slice(0, 300)}`);
      tokens[code][role] = JSON.parse(text).token;
    }
  }
  return tokens;
}

function newStats() {
  return {
    casesOpened: 0,
    casesClosed: 0,
    ok: 0,
    non2xx: 0,
    restarts: 0,
    steps: Object.fromEntries(STEP_LABELS.map((l) => [l, { ok: 0, failed: 0 }])),
    /** "<step> → <status>": count */
    failures: {},
    /** first few failing responses, verbatim (truncated) */
    errorSamples: [],
    closed: [],
  };
}

const MAX_ERROR_SAMPLES = 8;
const CASE_NO = /"caseNo":"([^"]+)"/;
const DECISION_NO = /"decisionNo":"([^"]+)"/;

/**
 * Builds autocannon `requests` for the trunk. Counters go to `stats` (a newStats()); `onFirstErrors` is called
 * with each of the first error samples, as they happen.
 */
function buildTrunkRequests({ tokens, stats, onError = () => {} }) {
  let caseCounter = 0;
  const headers = (token) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

  const fail = (stepIndex, status, body, ctx) => {
    const label = STEP_LABELS[stepIndex];
    stats.non2xx++;
    stats.steps[label].failed++;
    const key = `${label} → ${status}`;
    stats.failures[key] = (stats.failures[key] || 0) + 1;
    ctx.failed = true;
    if (stats.errorSamples.length < MAX_ERROR_SAMPLES) {
      const sample = { step: label, status, agency: ctx.code, caseId: ctx.caseId || null, body: String(body).slice(0, 800) };
      stats.errorSamples.push(sample);
      onError(sample);
    }
  };
  const succeed = (stepIndex, ctx) => {
    stats.ok++;
    stats.steps[STEP_LABELS[stepIndex]].ok++;
    ctx.done = stepIndex;
  };

  const open = {
    method: 'POST',
    setupRequest(req, ctx) {
      // A new case: spread cases (and so connections) round-robin over the agencies.
      const n = caseCounter++;
      ctx.code = AGENCY_CODES[n % AGENCY_CODES.length];
      ctx.caseId = null;
      ctx.done = -1;
      ctx.failed = false;
      ctx.contentHash = crypto.randomBytes(32).toString('hex');
      ctx.receiptNo = `${process.pid}-${n}-${crypto.randomBytes(4).toString('hex')}`;
      req.method = 'POST';
      req.path = '/api/v1/cases';
      req.headers = headers(tokens[ctx.code].officer1);
      req.body = JSON.stringify(openCaseBody(ctx.code));
      return req;
    },
    onResponse(status, body, ctx) {
      if (status === 201) {
        try {
          ctx.caseId = JSON.parse(body).case.caseId;
        } catch {
          ctx.caseId = null;
        }
        if (ctx.caseId) {
          stats.casesOpened++;
          succeed(0, ctx);
          return;
        }
        return fail(0, `${status} (no case.caseId in body)`, body, ctx);
      }
      fail(0, status, body, ctx);
    },
  };

  const commands = COMMAND_STEPS.map((step, i) => {
    const stepIndex = i + 1;
    const last = stepIndex === STEP_LABELS.length - 1;
    return {
      method: 'POST',
      setupRequest(req, ctx) {
        // Only go on if the previous step was answered 2xx (not failed, not timed out): else start a new case.
        if (ctx.failed || !ctx.caseId || ctx.done !== stepIndex - 1) {
          stats.restarts++;
          return null;
        }
        req.method = 'POST';
        req.path = `/api/v1/cases/${ctx.caseId}/commands/${step.command}`;
        req.headers = headers(tokens[ctx.code][step.as]);
        req.body = JSON.stringify(step.body(ctx.code, ctx));
        return req;
      },
      onResponse(status, body, ctx) {
        if (status >= 200 && status < 300) {
          succeed(stepIndex, ctx);
          if (last) {
            stats.casesClosed++;
            // The closed case's view carries its document numbers; a cheap regex, not a JSON parse.
            const caseNo = CASE_NO.exec(body);
            const decisionNo = DECISION_NO.exec(body);
            stats.closed.push({ caseId: ctx.caseId, code: ctx.code, caseNo: caseNo && caseNo[1], decisionNo: decisionNo && decisionNo[1] });
          }
        } else {
          fail(stepIndex, status, body, ctx);
        }
      },
    };
  });

  return [open, ...commands];
}

/**
 * The service's own floor: the same commands, bodies and tokens as the trunk, each on a case that does not exist
 * (a fresh random id), so every request goes through routing, the token, the access guard and the engine's load of
 * the case stream, and is answered 404 without folding, deciding or appending. Counts go to `stats`
 * ({ notFound, other }).
 */
function buildMissingCaseRequests({ tokens }) {
  let n = 0;
  const headers = (token) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  return COMMAND_STEPS.map((step) => ({
    method: 'POST',
    setupRequest(req) {
      const code = AGENCY_CODES[n++ % AGENCY_CODES.length];
      const ctx = { contentHash: 'a'.repeat(64), receiptNo: `missing-${n}` };
      req.method = 'POST';
      req.path = `/api/v1/cases/${crypto.randomUUID()}/commands/${step.command}`;
      req.headers = headers(tokens[code][step.as]);
      req.body = JSON.stringify(step.body(code, ctx));
      return req;
    },
  }));
}

/** The same bodies, statically, for the baseline echo (so request sizes match the trunk). */
function sampleBodies() {
  const ctx = { contentHash: 'a'.repeat(64), receiptNo: 'sample-0' };
  const code = AGENCY_CODES[0];
  return [openCaseBody(code), ...COMMAND_STEPS.map((s) => s.body(code, ctx))].map((b) => JSON.stringify(b));
}

/** GET /api/v1/cases/{id} for a spread-out sample of closed cases; counts those whose stage is `closed`. */
async function verifyClosed(baseUrl, tokens, closed, sampleSize = 30) {
  const picks = [];
  if (closed.length <= sampleSize) picks.push(...closed);
  else for (let i = 0; i < sampleSize; i++) picks.push(closed[Math.floor((i * closed.length) / sampleSize)]);
  const result = { checked: picks.length, closed: 0, mismatches: [] };
  for (const { caseId, code } of picks) {
    try {
      const res = await fetch(`${baseUrl}/api/v1/cases/${caseId}`, { headers: { authorization: `Bearer ${tokens[code].officer3}` } });
      const text = await res.text();
      let stage;
      try {
        stage = JSON.parse(text).stage;
      } catch {}
      if (res.status === 200 && stage === 'closed') result.closed++;
      else result.mismatches.push({ caseId, status: res.status, stage: stage ?? null, body: stage ? undefined : text.slice(0, 300) });
    } catch (e) {
      result.mismatches.push({ caseId, error: e.message });
    }
  }
  return result;
}

/**
 * Case numbers and decision numbers must be unique (per agency and year; the formats embed both). Counts, over
 * the closed cases of the run, the numbers that more than one case received.
 */
function checkDocumentNumbers(closed) {
  const out = {};
  for (const field of ['caseNo', 'decisionNo']) {
    const byNo = new Map();
    let missing = 0;
    for (const c of closed) {
      const no = c[field];
      if (!no) {
        missing++;
        continue;
      }
      const list = byNo.get(no);
      if (list) list.push(c.caseId);
      else byNo.set(no, [c.caseId]);
    }
    const dups = [...byNo].filter(([, ids]) => ids.length > 1);
    out[field] = {
      cases: closed.length - missing,
      distinct: byNo.size,
      missing,
      sharedNumbers: dups.length,
      casesWithSharedNumber: dups.reduce((n, [, ids]) => n + ids.length, 0),
      examples: dups.slice(0, 3).map(([no, ids]) => ({ [field]: no, caseIds: ids.slice(0, 4), cases: ids.length })),
    };
  }
  return out;
}

module.exports = {
  openCaseBody,
  checkDocumentNumbers,
  AGENCY_CODES,
  STEP_LABELS,
  fetchTokens,
  newStats,
  buildTrunkRequests,
  buildMissingCaseRequests,
  sampleBodies,
  verifyClosed,
};
