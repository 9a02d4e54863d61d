import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const depcruise = path.join(root, 'node_modules/.bin/depcruise');

/** Runs the same command as `npm run lint:deps`, in `cwd`. */
function cruise(cwd: string, dirs = ['apps', 'libs', 'workflows']) {
  const r = spawnSync(depcruise, [...dirs, '--config', path.join(root, '.dependency-cruiser.js')], { cwd, encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe('architecture rules (dependency-cruiser)', () => {
  it('the project itself has no violation', () => {
    const { status, output } = cruise(root);
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });

  it('fail on a workflow importing Nest or node:fs and on a library importing an app', () => {
    const { status, output } = cruise(path.join(root, 'test/fixtures/dep-violations'));
    expect(status).toBe(3);
    expect(output).toMatch(/workflows-pure: workflows\/impure\.ts → fs/);
    expect(output).toMatch(/workflows-pure: workflows\/impure\.ts → .*@nestjs\/common/);
    expect(output).toMatch(/libs-not-apps: libs\/reaches-app\.ts → apps\/app\.ts/);
  });

  it("fail on an import cycle between the API's features", () => {
    const { status, output } = cruise(path.join(root, 'test/fixtures/dep-cycle'), ['apps']);
    expect(status).toBe(1);
    expect(output).toMatch(/no-circular-api: apps\/api\/src\/auth\/policy\.ts →\s+apps\/api\/src\/cases\/clock\.ts/);
  });
});
