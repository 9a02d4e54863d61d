import { createEventStoreDbStore, EventStoreClosedError } from '@app/event-store';
import { rejectionOf, runEventStoreContract } from '@app/event-store/testing';

/**
 * The contract against a real EventStoreDB / KurrentDB server, e.g.
 *   EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npx jest test/event-store/eventstoredb
 * A server's `$all` cannot be emptied, so the tests share it: each writes to stream names of its own and reads `$all`
 * after the head position at its start (nothing else may write to the server during the run). Event ids are unique
 * per stream only on EventStoreDB, so the cross-stream duplicate-id test is skipped with its reason. The 1 MB payload
 * test needs the server's MaxAppendSize raised above its 1 MiB default (see README).
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
const SKIP_REASON = 'EVENTSTORE_CONNECTION_STRING is not set (no server on this machine)';

// Runs with or without a server: the real client takes these forms and connects only on first use.
describe('createEventStoreDbStore (real client; needs no server)', () => {
  it.each([
    'esdb://localhost:2113?tls=false',
    'esdb://admin:changeit@node1:2113,node2:2113,node3:2113?tls=true&nodePreference=leader',
    'esdb+discover://admin:changeit@cluster.example:2113?tls=true',
    'kurrentdb://localhost:2113?tls=false',
    'kurrentdb+discover://admin:changeit@cluster.example:2113?tls=true',
  ])('accepts %s and closes without having connected', async (form) => {
    const store = createEventStoreDbStore(form);
    await store.close();
    expect(await rejectionOf(store.readAll())).toBeInstanceOf(EventStoreClosedError);
  });

  it('refuses, when created, connection strings the client cannot use', () => {
    expect(() => createEventStoreDbStore('http://localhost:2113')).toThrow(/expected esdb:\/\/ or esdb\+discover:\/\//);
  });
});

if (connectionString) {
  runEventStoreContract('eventstoredb', async () => createEventStoreDbStore(connectionString), undefined, {
    isolation: 'shared',
    eventIdScope: 'stream',
  });
} else {
  // Shown with this file's results: jest prints a file's console output only when some test in it ran (those above do).
  console.warn(`EventStoreDB contract suite skipped: ${SKIP_REASON}`);
  describe('EventStore contract: eventstoredb', () => {
    it.skip(`skipped: ${SKIP_REASON}`, () => undefined);
  });
}
