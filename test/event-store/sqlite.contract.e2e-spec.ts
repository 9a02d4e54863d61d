import { EventStore, SqliteEventStore } from '@app/event-store';
import { runEventStoreContract } from '@app/event-store/testing/event-store.contract';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real file exercises WAL, fsync and the file-backed paths that ':memory:' skips.
const directories = new Map<EventStore, string>();

runEventStoreContract(
  'sqlite (temp file)',
  async () => {
    const directory = mkdtempSync(join(tmpdir(), 'casetrail-event-store-'));
    const store = new SqliteEventStore({ filename: join(directory, 'nested', 'events.db') });
    directories.set(store, directory);
    return store;
  },
  async (store) => {
    await store.close();
    rmSync(directories.get(store) ?? '', { recursive: true, force: true });
    directories.delete(store);
  },
);

runEventStoreContract('sqlite (:memory:)', async () => new SqliteEventStore({ filename: ':memory:' }));
