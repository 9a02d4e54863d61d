import { existsSync } from 'node:fs';
import * as path from 'node:path';
// The bench's own measure (plain JavaScript, shared with `npm run bench:console`).
import { BUDGET_GZIP_BYTES, initialJs, staticImports } from '../bench/lib/console-size';

const CONSOLE = path.resolve(__dirname, '../../dist/console');

describe('the console’s initial JavaScript (the built dist/console)', () => {
  beforeAll(() => {
    if (!existsSync(path.join(CONSOLE, 'index.html')))
      throw new Error('dist/console is missing: run "npm run build" first (npm test does)');
  });

  it('reads static imports and leaves import() out', () => {
    expect(
      staticImports('import{a as b}from"./rt-1.js";import"./side.js";export{c}from"../x.js";const p=()=>import("./Page.js");'),
    ).toEqual(['./rt-1.js', './side.js', '../x.js']);
  });

  it('stays within 400 KB gzip, with every page lazy-loaded', () => {
    const js = initialJs(CONSOLE);
    expect(js.gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    const eager = js.chunks.map((c) => path.basename(c.file));
    expect(eager.filter((f) => /Page-/.test(f))).toEqual([]);
    // The pages exist as chunks of their own (else the check above would pass vacuously).
    expect(js.all.filter((f) => /^(SignIn|Desk|CaseList|CaseDetail)Page-/.test(f))).toHaveLength(4);
  });
});
