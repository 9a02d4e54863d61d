/**
 * Architecture rules (docs/architecture.md §2): the workflow stays pure, libraries never reach into apps.
 * `npm test` runs these first; test/architecture proves each rule fires on a violating fixture.
 */
/** A library's entries: its index, and for its tests a `testing` index (`@app/event-store/testing`). */
const LIB_ENTRY = '^libs/[^/]+/src/(testing/)?index\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'workflows-pure',
      comment: 'workflows/ imports only xstate, the pure calendar library and its own files: no Nest, no adapters, no I/O.',
      severity: 'error',
      from: { path: '^workflows/', pathNot: '\\.spec\\.ts$' },
      to: {
        pathNot: ['^workflows/', '^libs/calendar/', 'node_modules/xstate/', 'node_modules/chinese-days/'],
      },
    },
    {
      name: 'libs-not-apps',
      comment: 'libs/ are used by apps/, never the other way round.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'workflows-not-apps-or-libs-adapters',
      comment: 'the workflow never sees an event store adapter, the engine or the API.',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: ['^apps/', '^libs/event-store/', '^libs/case-engine/', '^libs/directory/'] },
    },
    {
      name: 'lib-entry-only',
      comment: 'apps, the workflow and the tests use a library through its index (or its testing entry), never one of its files.',
      severity: 'error',
      from: { path: '^(apps|workflows|test)/', pathNot: '^apps/console/' },
      to: { path: '^libs/[^/]+/src/', pathNot: LIB_ENTRY },
    },
    {
      name: 'console-reads-library-types-only',
      comment: "the browser console may name a library's declared types (erased at build), never bundle its code.",
      severity: 'error',
      from: { path: '^apps/console/' },
      to: { path: '^libs/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'lib-entry-only-between-libs',
      comment: 'a library uses another through its index (or its testing entry); its own files it imports directly.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: [LIB_ENTRY, '^libs/$1/'] },
    },
    {
      name: 'no-circular-api',
      comment: "the API's files import each other one way (core ← auth ← cases ← reports, admin): no cycle between features.",
      severity: 'error',
      from: { path: '^apps/api/src/' },
      to: { circular: true },
    },
    {
      name: 'lib-alias-resolves',
      comment: 'tsconfig maps @app/<lib> (and @app/event-store/testing) only: an alias reaching deeper into a library does not resolve.',
      severity: 'error',
      from: { pathNot: '^test/fixtures/' },
      to: { couldNotResolve: true, path: '^@app/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|data|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
