'use strict';
/**
 * Event stores the service can be benchmarked on. Each entry says how to configure the child process
 * (env on top of PORT/HOST/DATA_DIR) and, optionally, a preload probe that reports store-level counters.
 *
 * To add one (e.g. PostgreSQL), add an entry here: `env` returns the variables the service reads to pick that
 * adapter (e.g. { EVENT_STORE: 'postgres', DATABASE_URL: ... }); `prepare`/`cleanup` may create and drop a
 * throw-away database. Nothing else in the bench needs to change.
 */

const path = require('node:path');

const STORES = {
  sqlite: {
    label: 'SQLite (WAL, synchronous=FULL, group commit)',
    /** Extra env for the service; the SQLite file lives under DATA_DIR (the embedded default). */
    env: (/* { dataDir } */) => ({}),
    /** Preloaded into the service with `node -r`; answers {type:'stats'} over IPC with commits/appends. */
    probe: path.join(__dirname, 'sqlite-probe.js'),
    async prepare() {},
    async cleanup() {},
  },
};

module.exports = { STORES };
