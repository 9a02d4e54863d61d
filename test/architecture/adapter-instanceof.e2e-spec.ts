import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' ? [] : tsFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The event store adapters: every class in libs/event-store that implements the port. */
function adapterClasses(): string[] {
  const names = tsFiles(path.join(root, 'libs/event-store/src')).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/class (\w+)\s+implements\s+[^{]*\bEventStore\b/g)].map((m) => m[1]),
  );
  return [...new Set(names)];
}

/** `instanceof <adapter>` in a source text: code that asks which store it has instead of asking for a capability. */
function adapterChecks(source: string, adapters: string[]): string[] {
  return [...source.matchAll(new RegExp(`instanceof\\s+(${adapters.join('|')})\\b`, 'g'))].map((m) => m[1]);
}

describe('no instanceof on an event store adapter outside libs/event-store', () => {
  const adapters = adapterClasses();

  it('finds the four adapters, and an instanceof on one of them', () => {
    expect(adapters.sort()).toEqual(['EventStoreDbEventStore', 'InMemoryEventStore', 'PostgresEventStore', 'SqliteEventStore']);
    expect(adapterChecks('if (store instanceof SqliteEventStore) return store.db;', adapters)).toEqual(['SqliteEventStore']);
    expect(adapterChecks('if (e instanceof PostgresUnavailableError) throw e;', adapters)).toEqual([]);
  });

  it('apps, the workflow, the other libraries and the tests ask for capabilities by token instead', () => {
    const outside = [
      'apps',
      'workflows',
      'test',
      ...readdirSync(path.join(root, 'libs'))
        .filter((l) => l !== 'event-store')
        .map((l) => `libs/${l}`),
    ];
    const found = outside
      .flatMap((dir) => tsFiles(path.join(root, dir)))
      .filter((f) => f !== __filename)
      .flatMap((f) => adapterChecks(readFileSync(f, 'utf8'), adapters).map((name) => `${path.relative(root, f)}: instanceof ${name}`));
    expect(found).toEqual([]);
  });
});
