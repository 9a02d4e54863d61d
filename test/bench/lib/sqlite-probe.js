'use strict';
/**
 * Preloaded into the service under test (`node -r .../sqlite-probe.js dist/apps/api/src/main.js`), only by the
 * bench. It does not change behaviour: it wraps SqliteEventStore.prototype.append to remember the store instances
 * and count settled appends, and reads the store's public `commitCount` getter. The parent asks over the IPC
 * channel: {type:'stats', id} → {type:'stats', id, commits, appends, appendFailures}.
 */

const path = require('node:path');

const modulePath = path.resolve(__dirname, '../../../dist/libs/event-store/src/sqlite/sqlite.event-store.js');

if (typeof process.send === 'function') {
  const stores = new Set();
  let appends = 0;
  let appendFailures = 0;
  let probeError = null;

  try {
    const { SqliteEventStore } = require(modulePath);
    const original = SqliteEventStore && SqliteEventStore.prototype.append;
    if (typeof original !== 'function') throw new Error('SqliteEventStore.prototype.append not found');
    SqliteEventStore.prototype.append = function benchProbeAppend(...args) {
      stores.add(this);
      const p = original.apply(this, args);
      p.then(
        () => { appends++; },
        () => { appendFailures++; },
      );
      return p;
    };
  } catch (e) {
    probeError = String((e && e.message) || e);
  }

  process.on('message', (msg) => {
    if (!msg || msg.type !== 'stats') return;
    let commits = 0;
    let commitsKnown = stores.size > 0;
    for (const s of stores) {
      if (typeof s.commitCount === 'number') commits += s.commitCount;
      else commitsKnown = false;
    }
    process.send({ type: 'stats', id: msg.id, error: probeError, commits: commitsKnown ? commits : null, appends, appendFailures });
  });
  // The IPC channel must not keep the service alive on its own.
  if (process.channel && typeof process.channel.unref === 'function') process.channel.unref();
}
