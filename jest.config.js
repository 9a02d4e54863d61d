// Path aliases mirror tsconfig.json "paths"; keep the two in step.
const swc = JSON.parse(require('fs').readFileSync(__dirname + '/.swcrc', 'utf8'));
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,workflows,test}/**/*.{spec,e2e-spec}.ts'],
  transform: { '^.+\\.(ts|js|mjs)$': ['@swc/jest', { ...swc, swcrc: false }] },
  // ESM-only packages that Node 20 loads with require(esm) but jest's module system does not.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|cookie|@nestjs)/)'],
  moduleNameMapper: {
    // Each library through its index only (a second entry for the event store's test helpers); see .dependency-cruiser.js.
    '^@app/event-store(|/testing)$': '<rootDir>/libs/event-store/src$1',
    '^@app/case-engine$': '<rootDir>/libs/case-engine/src',
    '^@app/calendar$': '<rootDir>/libs/calendar/src',
    '^@app/directory$': '<rootDir>/libs/directory/src',
    '^@app/documents$': '<rootDir>/libs/documents/src',
    '^@app/threads$': '<rootDir>/libs/threads/src',
    '^@app/projections$': '<rootDir>/libs/projections/src',
    '^@workflows/enforcement-case(|/.*)$': '<rootDir>/workflows/enforcement-case/src$1',
  },
  // The second reporter names each skipped suite and why (e.g. PostgreSQL suites without TEST_DATABASE_URL).
  reporters: ['default', '<rootDir>/test/support/skipped-suites-reporter.js'],
  maxWorkers: 2,
  testTimeout: 60000,
};
