'use strict';
/**
 * The console's initial JavaScript: what a first visit downloads before any page renders. That is every script and
 * modulepreload that index.html names, plus the chunks those import statically (followed transitively); chunks only
 * reached through import() (the lazy-loaded pages) are not part of it. Sizes are gzip (level 9), as served over HTTP.
 */

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET_GZIP_BYTES = 400 * 1024;

/** Static `import … from "./x.js"` / `import "./x.js"` / `export … from "./x.js"` of a built chunk (not import()). */
function staticImports(code) {
  const out = new Set();
  const re = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
  for (let m; (m = re.exec(code));) out.add(m[1]);
  return [...out];
}

/** The eager chunks of the built console in `dir` (dist/console), each with its raw and gzip size in bytes. */
function initialJs(dir) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const named = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const seen = new Map();
  const visit = (url) => {
    const file = path.join(dir, url.replace(/^\//, ''));
    if (seen.has(file)) return;
    const code = fs.readFileSync(file);
    seen.set(file, { file: path.relative(dir, file), bytes: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length });
    for (const rel of staticImports(code.toString('utf8'))) visit(path.posix.join(path.posix.dirname(url), rel));
  };
  named.forEach(visit);
  const chunks = [...seen.values()];
  return {
    chunks,
    bytes: chunks.reduce((s, c) => s + c.bytes, 0),
    gzip: chunks.reduce((s, c) => s + c.gzip, 0),
    /** Every .js in assets/, for the check that pages stay out of the initial download. */
    all: fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js')),
  };
}

module.exports = { BUDGET_GZIP_BYTES, initialJs, staticImports };
