'use strict';
/**
 * Grows a store of real cases into a province-sized history: every closed case of the source store is a template,
 * replicated as DISTINCT cases (shared by `npm run bench:scale` and the rebuild phase of `npm run bench`).
 *
 * A replica is the template's events with every id that names the case made fresh: the case id, event ids, evidence
 * and document ids, request/correlation/causation ids (every UUID in the event's data and metadata), idempotency keys
 * and receipt numbers. It is moved to another agency of the directory (the city and the counties: its agency id, its
 * officers' ids and names) and to another year (every calendar date shifted by whole years, so the cases spread over
 * ten years ending with the source's), gets its own party, and takes the next case and decision numbers of its agency
 * and year, recorded in the numbering streams as the service records them (so the numbers stay gapless and a command
 * on the big store numbers after them).
 *
 * Each template is compiled once into a recipe (its texts split where the ids, names, dates and numbers go), so a
 * replica is string joins, with no JSON parse or walk per event. Replicas are written through the store's own code:
 * on SQLite the adapter's bulk import (`SqliteBatchWriter.import`, the checks and hash chains of every commit, fed
 * lazily so nothing is held), elsewhere `EventStore.append` (group-committed); `npm run verify` passes on the result.
 */
const crypto = require('node:crypto');

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const NUMBER_STREAM = /^numbers-([a-z_]+)-(ag-\d+)-(\d{4})$/;
/** A formatted document number inside event data: "caseNo":"郴应急立〔2026〕17号". */
const NUMBERED_FIELD = /"([A-Za-z]+)No": ?"([^"]*〔(\d{4})〕(\d+)号)"/g;
const YEARS = 10;
/** Most distinct UUIDs one template case may hold (the replica UUID layout gives each 3 hex digits). */
const MAX_UUIDS_PER_CASE = 0xe00;
/** Replica UUID indexes from here on stand for idempotency keys and receipt numbers (made fresh, not derived). */
const FRESH_KEYS = 0xe10;

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Agencies with enforcement power (the city and the counties) and their users, from the directory's events. */
function readDirectory(rows) {
  const agencies = new Map();
  const users = new Map();
  for (const r of rows) {
    if (r.streamId !== 'directory') continue;
    const d = JSON.parse(r.data);
    if (r.type === 'AgencyRegistered') agencies.set(d.id, d);
    else if (r.type === 'UserRegistered') users.set(d.id, d);
  }
  const enforcing = [...agencies.values()].filter((a) => a.enforcementPower && (a.level === 'city' || a.level === 'county'));
  return { agencies, users, enforcing };
}

/**
 * The templates: every closed case of the source rows ({streamId, id, type, data, metadata} in commit order), each
 * tokenised once so a replica is a join of its parts.
 */
function buildTemplates(rows, directory) {
  const streams = new Map();
  const numbersOf = new Map(); // caseId → [{kind, agencyId, year, number}]
  const counters = new Map(); // `${kind}|${agencyId}|${year}` → last number
  for (const r of rows) {
    const n = NUMBER_STREAM.exec(r.streamId);
    if (n && r.type === 'NumberAssigned') {
      const d = JSON.parse(r.data);
      const key = `${n[1]}|${n[2]}|${n[3]}`;
      counters.set(key, Math.max(counters.get(key) || 0, d.number));
      const list = numbersOf.get(d.caseId) || [];
      list.push({ kind: n[1], agencyId: n[2], year: Number(n[3]), number: d.number });
      numbersOf.set(d.caseId, list);
      continue;
    }
    if (!r.streamId.startsWith('case-')) continue;
    const list = streams.get(r.streamId);
    if (list) list.push(r);
    else streams.set(r.streamId, [r]);
  }
  const templates = [];
  for (const [streamId, events] of streams) {
    if (!events.some((e) => e.type === 'CaseClosed') || events[0].type !== 'CaseOpened') continue;
    const opened = JSON.parse(events[0].data);
    const agency = directory.agencies.get(opened.agencyId);
    if (!agency) continue;
    templates.push(tokenise(streamId, events, opened, agency, numbersOf.get(opened.caseId) || [], directory));
  }
  return { templates, counters };
}

function tokenise(streamId, events, opened, agency, numbers, directory) {
  const code = agency.divisionCode;
  const literals = new Map(); // literal text → token
  let fresh = 0;
  for (const e of events) {
    for (const m of e.data.matchAll(NUMBERED_FIELD)) {
      const number = numbers.find((x) => x.kind === m[1] && x.year === Number(m[3]) && x.number === Number(m[4]));
      if (number) literals.set(m[2], { t: 'number', kind: number.kind, literal: m[2], year: number.year, n: number.number });
    }
    const meta = JSON.parse(e.metadata);
    const data = JSON.parse(e.data);
    for (const key of [meta.idempotencyKey, data.receiptNo]) {
      if (typeof key === 'string' && !literals.has(key)) literals.set(key, { t: 'fresh', i: FRESH_KEYS + fresh++ });
    }
  }
  if (opened.party && opened.party.name) literals.set(opened.party.name, { t: 'partyName' });
  if (opened.party && opened.party.creditCode) literals.set(opened.party.creditCode, { t: 'creditCode' });
  if (agency.name) literals.set(agency.name, { t: 'agencyName' });
  for (const u of directory.users.values()) {
    if (u.agencyId === agency.id && u.name && !literals.has(u.name)) literals.set(u.name, { t: 'userName', userId: u.id });
  }
  const alternatives = [...literals.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const token = new RegExp(
    [
      ...alternatives.map((a) => `(?:${a})`),
      UUID.source,
      '(?<![0-9])20\\d\\d-\\d\\d-\\d\\d',
      `ag-${code}(?![0-9])`,
      `u-${code}-[a-z_]+(?:-\\d+)?`,
    ].join('|'),
    'g',
  );
  const uuids = new Map();
  // The recipe: each distinct token of the case is a slot, valued once per replica; each text is its literal pieces
  // with the slots' places between them, so a replica's text is one join of flat strings (no parse, no deep walk).
  const slots = new Map(); // token key → slot index
  const slotTokens = [];
  const slotOf = (s) => {
    const tok = classify(s);
    const key = tok.t === 'uuid' ? `uuid:${tok.i}` : `${tok.t}:${s}`;
    let i = slots.get(key);
    if (i === undefined) {
      slots.set(key, (i = slotTokens.length));
      slotTokens.push(tok);
    }
    return i;
  };
  const split = (text) => {
    const pieces = [];
    const at = [];
    let last = 0;
    for (const m of text.matchAll(token)) {
      pieces.push(text.slice(last, m.index), '');
      at.push(slotOf(m[0]));
      last = m.index + m[0].length;
    }
    pieces.push(text.slice(last));
    return { pieces, at };
  };
  const classify = (s) => {
    const lit = literals.get(s);
    if (lit) return lit;
    if (s.length === 36 && /^[0-9a-f-]+$/.test(s)) {
      let i = uuids.get(s);
      if (i === undefined) uuids.set(s, (i = uuids.size));
      return { t: 'uuid', i };
    }
    if (s.startsWith('ag-')) return { t: 'agency' };
    if (s.startsWith('u-')) return { t: 'user', suffix: s.slice(code.length + 3) };
    return { t: 'date', year: Number(s.slice(0, 4)), rest: s.slice(4) };
  };
  const out = {
    streamId: split(streamId),
    caseUuid: opened.caseId,
    agencyId: agency.id,
    kinds: [...new Set([...literals.values()].filter((l) => l.t === 'number').map((l) => l.kind))],
    events: events.map((e) => ({ id: split(e.id), type: e.type, data: split(e.data), metadata: split(e.metadata) })),
    slotTokens,
    eventCount: events.length,
  };
  if (uuids.size > MAX_UUIDS_PER_CASE || fresh > 0xfff - FRESH_KEYS)
    throw new Error(`${streamId}: ${uuids.size} UUIDs and ${fresh} keys, more than a replica can renumber`);
  out.caseIndex = uuids.get(opened.caseId);
  return out;
}

/** A recipe's text with the replica's slot values in its places: one flat string. */
function fill({ pieces, at }, values) {
  for (let j = 0; j < at.length; j++) pieces[2 * j + 1] = values[at[j]];
  return pieces.join('');
}

const PLACES = ['郴州', '北湖', '苏仙', '桂阳', '宜章', '永兴', '嘉禾', '临武', '汝城', '桂东', '安仁', '资兴', '湘南', '五岭', '东江'];
const WORDS = ['宏达', '鑫源', '华兴', '永盛', '金泰', '恒通', '顺发', '昌隆', '新创', '天成', '瑞丰', '安泰'];
// One party in 24 is a mining company: the `party=矿业` search finds them among the others.
const TRADES = [
  '烟花爆竹',
  '化工',
  '建材',
  '机械',
  '物流',
  '冶炼',
  '食品',
  '纺织',
  '电子',
  '五金',
  '建筑',
  '仓储',
  '石化',
  '燃气',
  '商贸',
  '印刷',
  '木业',
  '塑胶',
  '陶瓷',
  '水泥',
  '钢构',
  '电力',
  '运输',
  '矿业',
];
const NAMES = PLACES.length * WORDS.length * TRADES.length;

/** Party p (about three cases each, so some parties have several cases): a distinct name and credit code. */
function party(p, code) {
  const branch = p >= NAMES ? `第${Math.floor(p / NAMES) + 1}分公司` : '';
  const name = `${PLACES[Math.floor(p / TRADES.length) % PLACES.length]}${WORDS[Math.floor(p / (TRADES.length * PLACES.length)) % WORDS.length]}${TRADES[p % TRADES.length]}有限公司${branch}`;
  return { name, creditCode: `91${code}MA${p.toString(36).toUpperCase().padStart(8, '0').slice(-8)}` };
}

/**
 * Replica r's fresh UUID for the template's i-th UUID: a version-8 UUID (RFC 9562, custom layout) made of the run's
 * random salt, r and i, so it is unique in the run and, by the salt, against the source's random UUIDs. r comes before
 * i and after the salt's leading digits, so a run's ids grow with r: every index on an id (event id, stream id) takes
 * new entries at its right edge instead of at random pages, which keeps a 10M-event store's inserts cache-friendly.
 */
function uuidMaker() {
  const salt = crypto.randomBytes(8).toString('hex');
  const head = `${salt.slice(0, 8)}-${salt.slice(8, 12)}-8`;
  const tail = salt.slice(13, 16);
  return (r, i) => {
    const R = r.toString(16).padStart(12, '0');
    const I = i.toString(16).padStart(3, '0');
    return `${head}${R.slice(0, 3)}-a${R.slice(3, 6)}-${R.slice(6)}${I}${tail}`;
  };
}

const isLeap = (y) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/**
 * The appends of replica r of `template`, in agency `target` and `year`: the numbers it takes (appended to the
 * numbering streams, `counters` advanced) and then its case stream.
 */
function makeReplica(r, template, target, year, counters, uuid, directory) {
  const delta = year - template.year;
  const code = target.divisionCode;
  const p = party(Math.floor(r / 3), code);
  const numbers = new Map();
  const numberEvents = [];
  const caseId = uuid(r, template.caseIndex);
  for (const kind of template.kinds) {
    const key = `${kind}|${target.id}|${year}`;
    const n = (counters.get(key) || 0) + 1;
    counters.set(key, n);
    numbers.set(kind, n);
    numberEvents.push({
      streamId: `numbers-${kind}-${target.id}-${year}`,
      expected: 'any',
      events: [
        {
          id: uuid(r, MAX_UUIDS_PER_CASE + numberEvents.length),
          type: 'NumberAssigned',
          data: `{"number":${n},"caseId":"${caseId}"}`,
          metadata: '{}',
        },
      ],
    });
  }
  const sourceShort = directory.agencies.get(template.agencyId).shortName;
  const value = (tok) => {
    switch (tok.t) {
      case 'uuid':
        return uuid(r, tok.i);
      case 'date': {
        const y = tok.year + delta;
        return `${y}${tok.rest === '-02-29' && !isLeap(y) ? '-02-28' : tok.rest}`;
      }
      case 'agency':
        return target.id;
      case 'user': {
        const id = `u-${code}-${tok.suffix}`;
        return directory.users.has(id) ? id : `u-${code}-officer-1`;
      }
      case 'userName': {
        const suffix = tok.userId.slice(tok.userId.indexOf('-', 2) + 1);
        const u = directory.users.get(`u-${code}-${suffix}`) || directory.users.get(`u-${code}-officer-1`);
        return u ? u.name : '';
      }
      case 'agencyName':
        return target.name;
      case 'partyName':
        return p.name;
      case 'creditCode':
        return p.creditCode;
      case 'fresh':
        return `replica-${uuid(r, tok.i)}`;
      case 'number': {
        const n = numbers.get(tok.kind);
        const prefix = tok.literal.slice(0, tok.literal.indexOf('〔'));
        const short = prefix.startsWith(sourceShort) ? target.shortName + prefix.slice(sourceShort.length) : prefix;
        return `${short}〔${year}〕${n}号`;
      }
      default:
        throw new Error(`unknown token ${tok.t}`);
    }
  };
  // Each slot valued once for this replica (a case names its officers, dates and requests many times).
  const values = template.slotTokens.map(value);
  const caseAppend = {
    streamId: fill(template.streamId, values),
    expected: 'no_stream',
    events: template.events.map((e) => ({
      id: fill(e.id, values),
      type: e.type,
      data: fill(e.data, values),
      metadata: fill(e.metadata, values),
    })),
  };
  return [...numberEvents, caseAppend];
}

/**
 * The writer for any EventStore: its `append` (group-committed by the adapter when many are queued at once). The
 * replicas' JSON is parsed back into objects because `append` takes objects.
 */
function storeWriter(store) {
  return {
    headPosition: () => store.headPosition(),
    write: (appends) =>
      Promise.all(
        [...appends].map((a) =>
          store.append(
            a.streamId,
            a.events.map((e) => ({ id: e.id, type: e.type, data: JSON.parse(e.data), metadata: JSON.parse(e.metadata) })),
            a.expected,
          ),
        ),
      ),
  };
}

/**
 * The writer for a SQLite store file: the adapter's own bulk import (the code behind every commit of
 * SqliteEventStore, checks, hash chains and anchors included), one transaction per chunk, taking the replicas' JSON
 * as text and consuming them as they are made, so a chunk is never held in memory. `dist` is the built tree
 * (dist/libs/event-store/src/sqlite; the sources under jest).
 */
function sqliteBatchWriter(dist, file) {
  const { openSqlite } = require(`${dist}/sqlite.open`);
  const { migrate } = require(`${dist}/sqlite.migrations`);
  const { SqliteBatchWriter } = require(`${dist}/sqlite-batch-writer`);
  const db = openSqlite(file);
  migrate(db);
  // This connection's page cache (256 MB, not the default 2 MB): the indexes' right edges stay in memory.
  db.pragma('cache_size = -262144');
  const writer = new SqliteBatchWriter(db);
  return {
    headPosition: () => BigInt(db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events').get().head),
    lastNumbers: () =>
      db
        .prepare(
          `SELECT s.stream_id AS streamId, e.data FROM streams s JOIN events e ON e.stream_id = s.stream_id AND e.revision = s.revision
           WHERE s.stream_id LIKE 'numbers-%'`,
        )
        .all()
        .map((r) => [r.streamId, JSON.parse(r.data).number]),
    chunkEvents: 50_000,
    write(appends) {
      try {
        writer.import(appends);
      } catch (e) {
        throw new Error(`replica append refused: ${e.name}: ${e.message}`, { cause: e });
      }
    },
    close: () => db.close(),
  };
}

/**
 * Replicates the closed cases of `sourceRows` through `writer` (storeWriter or sqliteBatchWriter) until the store
 * holds at least `targetEvents` events. Replicas go round the enforcing agencies and, in ascending order, over the ten
 * years ending with the newest template year. A chunk (one transaction) holds `chunkEvents` events (default: the
 * writer's `chunkEvents`, else 5,000) and is handed to `writer.write` as a lazy iterable. Returns counts and the
 * rate; `onProgress(written, target)` is called after every chunk.
 */
async function replicate({ writer, sourceRows, targetEvents, chunkEvents, onProgress = () => {} }) {
  const directory = readDirectory(sourceRows);
  if (!directory.enforcing.length) throw new Error('replicate: the source store has no directory (agencies) to spread cases over');
  const { templates, counters } = buildTemplates(sourceRows, directory);
  // A store grown before (a kept big store) numbered past the source: go on after its numbers, not the source's.
  for (const [streamId, number] of writer.lastNumbers ? await writer.lastNumbers() : []) {
    const n = NUMBER_STREAM.exec(streamId);
    const key = n && `${n[1]}|${n[2]}|${n[3]}`;
    if (key) counters.set(key, Math.max(counters.get(key) || 0, number));
  }
  if (!templates.length) throw new Error('replicate: the source store has no closed case to replicate');
  for (const t of templates) {
    const filed = t.events.find((e) => e.type === 'CaseOpened');
    const firstDate = filed && filed.data.at.map((slot) => t.slotTokens[slot]).find((x) => x.t === 'date');
    t.year = firstDate ? firstDate.year : new Date().getUTCFullYear();
  }
  const lastYear = Math.max(...templates.map((t) => t.year));
  const start = Number(await writer.headPosition());
  const need = Math.max(0, targetEvents - start);
  const uuid = uuidMaker();
  const chunk = chunkEvents || writer.chunkEvents || 5_000;
  const t0 = process.hrtime.bigint();
  let written = 0;
  let cases = 0;
  let r = 0;
  // One chunk's appends, made as the writer consumes them: a replica's strings die once written.
  function* replicas() {
    for (let inChunk = 0; inChunk < chunk && written < need; r++) {
      // Consecutive replicas go round the agencies, so every agency has cases in every year.
      const target = directory.enforcing[r % directory.enforcing.length];
      const template = templates[Math.floor(r / directory.enforcing.length) % templates.length];
      const year = lastYear - YEARS + 1 + Math.min(YEARS - 1, Math.floor((written / need) * YEARS));
      for (const a of makeReplica(r, template, target, year, counters, uuid, directory)) {
        inChunk += a.events.length;
        written += a.events.length;
        yield a;
      }
      cases++;
    }
  }
  while (written < need) {
    await writer.write(replicas());
    onProgress(start + written, targetEvents);
    // A synchronous writer would otherwise hold the event loop for the whole run (signals, timers, GC entries).
    await new Promise(setImmediate);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return {
    templates: templates.length,
    sourceEvents: start,
    cases,
    events: written,
    totalEvents: start + written,
    seconds,
    eventsPerSec: written / Math.max(seconds, 1e-9),
    years: [lastYear - YEARS + 1, lastYear],
    agencies: directory.enforcing.map((a) => a.id),
  };
}

/** Every event of a SQLite store file, in commit order, as the replicator reads its source. */
function readSqliteRows(file) {
  const Database = require('better-sqlite3');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT event_id AS id, stream_id AS streamId, type, data, metadata FROM events ORDER BY position').all();
  } finally {
    db.close();
  }
}

/** The last number of each numbering stream of a PostgreSQL store: [streamId, number][]. */
async function postgresLastNumbers({ url, schema }) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const q = `SELECT DISTINCT ON (stream_id) stream_id, data FROM "${schema}".events WHERE stream_id LIKE 'numbers-%' ORDER BY stream_id, revision DESC`;
    return (await client.query(q)).rows.map((r) => [r.stream_id, JSON.parse(r.data).number]);
  } finally {
    await client.end();
  }
}

/** Every event of a PostgreSQL store, in commit order. */
async function readPostgresRows({ url, schema }) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const q = `SELECT event_id AS id, stream_id AS "streamId", type, data::text AS data, metadata::text AS metadata FROM "${schema}".events ORDER BY position`;
    return (await client.query(q)).rows;
  } finally {
    await client.end();
  }
}

module.exports = {
  replicate,
  storeWriter,
  sqliteBatchWriter,
  readSqliteRows,
  readPostgresRows,
  postgresLastNumbers,
  buildTemplates,
  readDirectory,
};
