/**
 * Architecture rules (docs/architecture.md §2): the workflow stays pure, libraries never reach into apps.
 * `npm test` runs these first; test/architecture proves each rule fires on a violating fixture.
 */
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
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|data|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
