// `@app/event-store/testing`: the contract suite every adapter runs, its helpers, and the in-process EventStoreDB model.
export { runEventStoreContract } from './event-store.contract';
export * from './contract.helpers';
export { FakeEsdbClient } from '../eventstoredb/testing/fake-esdb-client';
export type { FakeEsdbOptions } from '../eventstoredb/testing/fake-esdb-client';
