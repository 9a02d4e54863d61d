'use strict';
/**
 * Timeline replay of a long case (target of docs/benchmarks.md: a 1,000-event case in ≤ 20 ms): builds one case of 1,000 events
 * over HTTP (open, file, then interference records), then times GET /timeline?revision=999 a number of times.
 */

const { openCaseBody } = require('./trunk');

async function post(url, token, path, body) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function measureTimeline(url, tokens, runs = 30) {
  const t = tokens['431002'];
  const opened = await post(url, t.officer1, '/api/v1/cases', openCaseBody('431002'));
  const id = opened.case.caseId;
  await post(url, t.head, `/api/v1/cases/${id}/commands/approve-filing`, { occurredAt: '2026-09-02T10:00:00+08:00' });
  for (let i = 2; i < 1000; i++) {
    await post(url, t.officer2, `/api/v1/cases/${id}/commands/record-interference`, {
      intervener: { name: `某人${i}`, unit: '某单位', post: '科员', relation: 'other' },
      means: 'phone',
      content: '询问案件进展',
      handling: '已记录',
    });
  }
  const times = [];
  let events = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${url}/api/v1/cases/${id}/timeline?revision=999`, { headers: { authorization: `Bearer ${t.officer1}` } });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`timeline: ${res.status} ${JSON.stringify(body)}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    events = body.events.length;
  }
  // The first replay reads and parses the case's history; the service keeps it parsed for the next ones (an inspector
  // scrubbing through the case), which read only what was appended since.
  const firstMs = times[0];
  times.sort((a, b) => a - b);
  return { events, runs, firstMs, medianMs: times[Math.floor(runs / 2)], p95Ms: times[Math.floor(runs * 0.95)] };
}

module.exports = { measureTimeline };
