import { InMemoryEventStore } from '@app/event-store';
import { runEventStoreContract } from '@app/event-store/testing/event-store.contract';

runEventStoreContract('in-memory', async () => new InMemoryEventStore());
