import { EventStore, PostgresEventStore } from '@app/event-store';
import { runEventStoreContract } from '@app/event-store/testing';
import { describeWithPostgres, dropSchema, freshSchemaName } from '../support/postgres';

/** The shared contract on a real PostgreSQL: every test gets a schema of its own, migrated from nothing and dropped after. */
describeWithPostgres('PostgreSQL event store contract', (url) => {
  const schemas = new Map<EventStore, string>();

  runEventStoreContract(
    'postgres (fresh schema per test)',
    async () => {
      const schema = freshSchemaName('contract');
      const store = await PostgresEventStore.open({ connectionString: url, schema, poolSize: 4 });
      schemas.set(store, schema);
      return store;
    },
    async (store) => {
      await store.close();
      await dropSchema(url, schemas.get(store)!);
      schemas.delete(store);
    },
  );
});
