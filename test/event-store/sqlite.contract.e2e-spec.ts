import { EventStore, SqliteEventStore, SqliteEventStoreOptions } from '@app/event-store';
import { runEventStoreContract } from '@app/event-store/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real file exercises WAL, fsync and the file-backed paths that ':memory:' skips.
const directories = new Map<EventStore, string>();

function onTempFile(writer: SqliteEventStoreOptions['writer']) {
  return [
    async () => {
      const directory = mkdtempSync(join(tmpdir(), 'casetrail-event-store-'));
      const store = new SqliteEventStore({ filename: join(directory, 'nested', 'events.db'), writer });
      directories.set(store, directory);
      return store;
    },
    async (store: EventStore) => {
      await store.close();
      rmSync(directories.get(store) ?? '', { recursive: true, force: true });
      directories.delete(store);
    },
  ] as const;
}

runEventStoreContract('sqlite (temp file, writer thread)', ...onTempFile('worker'));
runEventStoreContract('sqlite (temp file, inline writer)', ...onTempFile('inline'));
runEventStoreContract('sqlite (:memory:)', async () => new SqliteEventStore({ filename: ':memory:' }));
