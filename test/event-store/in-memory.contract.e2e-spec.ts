import { InMemoryEventStore } from '@app/event-store';
import { runEventStoreContract } from '@app/event-store/testing';

runEventStoreContract('in-memory', async () => new InMemoryEventStore());
