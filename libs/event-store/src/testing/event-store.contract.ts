import { randomUUID } from 'node:crypto';
import { EventStore } from '../event-store.port';
import { describeAppendContract } from './append.contract';
import { describeConcurrencyContract } from './concurrency.contract';
import { ContractContext, ContractOptions } from './contract.helpers';
import { describeReadContract } from './read.contract';
import { describeSubscriptionContract } from './subscription.contract';

/**
 * The behaviour every EventStore adapter must show, run against each adapter from its own spec file.
 * `create` must return an empty store (unless `options.isolation` is `shared`); `destroy` must tolerate a store that
 * the test already closed. Uses jest globals only (no jest import), so exporting it from the library costs nothing
 * outside tests.
 */
export function runEventStoreContract(
  adapterName: string,
  create: () => Promise<EventStore>,
  destroy: (store: EventStore) => Promise<void> = (store) => store.close(),
  contractOptions: ContractOptions = {},
): void {
  const options: Required<ContractOptions> = { isolation: 'fresh', eventIdScope: 'store', ...contractOptions };
  const shared = options.isolation === 'shared';

  describe(`EventStore contract: ${adapterName}`, () => {
    let current: EventStore | undefined;
    let start = 0n;
    let prefix = '';
    const store = (): EventStore => {
      if (!current) throw new Error('The contract store was not created');
      return current;
    };
    const context: ContractContext = {
      store,
      stream: (name) => `${prefix}${name}`,
      start: () => start,
      readAll: (readOptions) => (shared ? store().readAll({ after: start, ...readOptions }) : store().readAll(readOptions)),
      subscribeFromStart: () => (shared ? store().subscribe(start) : store().subscribe()),
      options,
    };

    beforeEach(async () => {
      current = await create();
      start = await current.headPosition();
      // A fresh store must be empty; on a shared one each test gets stream names nobody used before.
      if (shared) prefix = `contract-${randomUUID()}-`;
      else expect(start).toBe(0n);
    });

    afterEach(async () => {
      if (current) await destroy(current);
      current = undefined;
    });

    describeAppendContract(context);
    describeReadContract(context);
    describeConcurrencyContract(context);
    describeSubscriptionContract(context);
  });
}
