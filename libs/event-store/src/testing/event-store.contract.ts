import { EventStore } from '../event-store.port';
import { describeAppendContract } from './append.contract';
import { describeConcurrencyContract } from './concurrency.contract';
import { describeReadContract } from './read.contract';
import { describeSubscriptionContract } from './subscription.contract';

/**
 * The behaviour every EventStore adapter must show, run against each adapter from its own spec file.
 * `create` must return an empty store; `destroy` must tolerate a store that the test already closed.
 * Uses jest globals only (no jest import), so exporting it from the library costs nothing outside tests.
 */
export function runEventStoreContract(
  adapterName: string,
  create: () => Promise<EventStore>,
  destroy: (store: EventStore) => Promise<void> = (store) => store.close(),
): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let current: EventStore | undefined;
    const store = (): EventStore => {
      if (!current) throw new Error('The contract store was not created');
      return current;
    };

    beforeEach(async () => {
      current = await create();
    });

    afterEach(async () => {
      if (current) await destroy(current);
      current = undefined;
    });

    describeAppendContract(store);
    describeReadContract(store);
    describeConcurrencyContract(store);
    describeSubscriptionContract(store);
  });
}
