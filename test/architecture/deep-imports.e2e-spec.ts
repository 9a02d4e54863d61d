import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const depcruise = path.join(root, 'node_modules/.bin/depcruise');
const fixtures = path.join(root, 'test/fixtures/deep-imports');

/** `npm run lint:deps`'s rules on a fixture of two small libraries and an app, run in the fixture's directory. */
function cruise(fixture: string) {
  const r = spawnSync(depcruise, ['apps', 'libs', '--config', path.join(root, '.dependency-cruiser.js')], {
    cwd: path.join(fixtures, fixture),
    encoding: 'utf8',
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe('a library is used through its entries only (dependency-cruiser)', () => {
  it('fails on an app or another library importing one of its files, by path or by an alias reaching past its index', () => {
    const { status, output } = cruise('violating');
    expect(status).toBe(3);
    expect(output).toMatch(/lib-entry-only: apps\/app\.ts → libs\/shop\/src\/price\.ts/);
    expect(output).toMatch(/lib-entry-only-between-libs: libs\/till\/src\/index\.ts → libs\/shop\/src\/price\.ts/);
    expect(output).toMatch(/lib-alias-resolves: apps\/app\.ts → @app\/shop\/price/);
  });

  it('passes imports of its index, its testing entry, and a library’s own files', () => {
    const { status, output } = cruise('clean');
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });
});
