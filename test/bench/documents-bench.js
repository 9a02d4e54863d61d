#!/usr/bin/env node
'use strict';
/**
 * The documents bench (`npm run bench:documents`, which builds first): the built renderers of libs/documents, in
 * this process, on the fonts `npm ci` installs.
 *
 *   1. a 行政处罚决定书 PDF, built and rendered from a case's events: median of many runs (target ≤ 100 ms);
 *   2. the 案卷 of a 100-event case (test/bench/lib/dossier-case.js), bound into one PDF: median of several runs
 *      (target ≤ 2 s), with its pages and size;
 *   3. peak memory while rendering: the highest RSS and heap sampled around each render, and the process's maxRSS.
 * Figures are reported, never enforced. Writes the same figures to .bench/documents.json.
 */

const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { longCase, registry } = require('./lib/dossier-case');

const ROOT = path.resolve(__dirname, '../..');
const OUT_DIR = path.join(ROOT, '.bench');
const DECISION_RUNS = 30;
const DOSSIER_RUNS = 7;
const TARGET_DECISION_MS = 100;
const TARGET_DOSSIER_MS = 2000;

const docs = require(path.join(ROOT, 'dist/libs/documents/src/index.js'));
const rulesBook = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows/enforcement-case/rules/versions.json'), 'utf8'));

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let peakRss = 0;
let peakHeap = 0;
function sample() {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}

async function timed(runs, render) {
  await render(); // warm-up, uncounted (font parsing, JIT)
  const times = [];
  let out;
  for (let i = 0; i < runs; i++) {
    sample();
    const start = performance.now();
    out = await render();
    times.push(performance.now() - start);
    sample();
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), out };
}

async function main() {
  const fonts = docs.loadDocumentFonts(process.env.DOCUMENT_FONT_PATH || null);
  const { events, hashes } = longCase();
  const input = { events, registry: registry(), rules: (id) => rulesBook.versions.find((v) => v.id === id) };
  const chain = {
    hashes,
    headPosition: '4242',
    anchor: {
      seq: 12,
      position: '4300',
      globalHash: hashes[hashes.length - 1].split('').reverse().join(''),
      createdAt: '2027-06-01T00:00:00.000Z',
    },
  };
  sample();
  const baseRss = process.memoryUsage().rss;

  const decision = await timed(DECISION_RUNS, () => docs.renderPdf(docs.buildDocument('penalty-decision', input), fonts));
  const dossier = await timed(DOSSIER_RUNS, () => docs.renderDossierPdf(docs.buildDossier({ ...input, chain }), fonts));
  const pages = (dossier.out.toString('latin1').match(/\/Type \/Page\b/g) || []).length;
  const maxRss = process.resourceUsage().maxRSS * 1024;

  const report = {
    decisionPdf: {
      runs: DECISION_RUNS,
      medianMs: +decision.median.toFixed(1),
      minMs: +decision.min.toFixed(1),
      maxMs: +decision.max.toFixed(1),
      bytes: decision.out.length,
      targetMs: TARGET_DECISION_MS,
    },
    dossierPdf: {
      events: events.length,
      runs: DOSSIER_RUNS,
      medianMs: +dossier.median.toFixed(1),
      minMs: +dossier.min.toFixed(1),
      maxMs: +dossier.max.toFixed(1),
      pages,
      bytes: dossier.out.length,
      targetMs: TARGET_DOSSIER_MS,
    },
    memory: { rssBeforeRendering: baseRss, peakRssSampled: peakRss, peakHeapSampled: peakHeap, maxRss },
    font: fonts.source,
  };
  const ok = (ms, target) => (ms <= target ? `≤ ${target} ms: met` : `> ${target} ms: NOT met`);
  console.log('casetrail documents bench');
  console.log(
    `  decision PDF (行政处罚决定书)    median ${report.decisionPdf.medianMs} ms over ${DECISION_RUNS} runs (min ${report.decisionPdf.minMs}, max ${report.decisionPdf.maxMs}); ${mb(decision.out.length)}; target ${ok(decision.median, TARGET_DECISION_MS)}`,
  );
  console.log(
    `  案卷 PDF, ${events.length}-event case        median ${report.dossierPdf.medianMs} ms over ${DOSSIER_RUNS} runs (min ${report.dossierPdf.minMs}, max ${report.dossierPdf.maxMs}); ${pages} pages, ${mb(dossier.out.length)}; target ${ok(dossier.median, TARGET_DOSSIER_MS)}`,
  );
  console.log(
    `  memory while rendering           RSS before ${mb(baseRss)}, peak RSS sampled ${mb(peakRss)}, peak heap ${mb(peakHeap)}, process maxRSS ${mb(maxRss)}`,
  );
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, 'documents.json'), `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
