'use strict';
/**
 * Event stores the service can be benchmarked on. Each entry says how to configure the child process
 * (env on top of PORT/HOST/DATA_DIR) and, optionally, a preload probe that reports store-level counters.
 *
 * To add one, add an entry here: `env` returns the variables the service reads to pick that adapter;
 * `prepare`/`cleanup` may create and drop a throw-away database. Nothing else in the bench needs to change.
 */

const path = require('node:path');

/** The server the postgres bench creates its throw-away database on (a role allowed to CREATE DATABASE). */
const POSTGRES_ADMIN_URL_VARS = ['BENCH_DATABASE_URL', 'TEST_DATABASE_URL', 'DATABASE_URL'];

function redact(url) {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

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

  postgres: {
    label: 'PostgreSQL (serialised group-commit appends, LISTEN/NOTIFY)',
    probe: path.join(__dirname, 'postgres-probe.js'),
    state: null,
    env() {
      return { EVENT_STORE: 'postgres', DATABASE_URL: this.state.url, PG_SCHEMA: this.state.schema };
    },
    /**
     * A fresh database for the run, created on the server named by BENCH_DATABASE_URL (or TEST_DATABASE_URL, or
     * DATABASE_URL); a role that may not create databases gets a fresh schema in its own database instead.
     */
    async prepare({ log = console.error } = {}) {
      const name = POSTGRES_ADMIN_URL_VARS.find((v) => process.env[v]);
      if (!name) {
        const e = new Error(
          `--store postgres needs a server: set ${POSTGRES_ADMIN_URL_VARS.join(' or ')} (a role that may CREATE DATABASE)`,
        );
        e.startFailure = true;
        throw e;
      }
      const { Client } = require('pg');
      const admin = process.env[name];
      const db = `casetrail_bench_${process.pid}_${Date.now().toString(36)}`;
      const client = new Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${db}"`);
        const url = new URL(admin);
        url.pathname = `/${db}`;
        this.state = { admin, url: url.href, schema: 'casetrail', database: db };
        log(`postgres: fresh database ${db} on ${redact(admin).replace(/\/[^/]*$/, '')}`);
      } catch (e) {
        if (e.code !== '42501') throw e;
        this.state = { admin, url: admin, schema: db, database: null };
        log(`postgres: no CREATE DATABASE privilege; fresh schema ${db} in ${redact(admin)}`);
      } finally {
        await client.end();
      }
    },
    async cleanup() {
      if (!this.state) return;
      const { Client } = require('pg');
      const { admin, database, schema } = this.state;
      this.state = null;
      const client = new Client({ connectionString: admin });
      await client.connect();
      try {
        if (database) await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        else await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  },
};

module.exports = { STORES };
