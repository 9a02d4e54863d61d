'use strict';
/** Preloaded into the service by the bench on --store postgres: counts appends and commits (see store-probe.js). */
const path = require('node:path');
require('./store-probe').installProbe(
  path.resolve(__dirname, '../../../dist/libs/event-store/src/postgres/postgres.event-store.js'),
  'PostgresEventStore',
);
