'use strict';
/**
 * Shared by the store probes preloaded into the service under test (`node -r .../<store>-probe.js main.js`), only by
 * the bench. It does not change behaviour: it wraps the adapter's prototype.append to remember the store instances
 * and count settled appends, and reads the store's public `commitCount` getter. The parent asks over the IPC
 * channel: {type:'stats', id} → {type:'stats', id, commits, appends, appendFailures}.
 */

function installProbe(modulePath, className) {
  if (typeof process.send !== 'function') return;
  const stores = new Set();
  let appends = 0;
  let appendFailures = 0;
  let probeError = null;

  try {
    const Store = require(modulePath)[className];
    const original = Store && Store.prototype.append;
    if (typeof original !== 'function') throw new Error(`${className}.prototype.append not found`);
    Store.prototype.append = function benchProbeAppend(...args) {
      stores.add(this);
      const p = original.apply(this, args);
      p.then(
        () => {
          appends++;
        },
        () => {
          appendFailures++;
        },
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

module.exports = { installProbe };
