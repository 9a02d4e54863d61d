import { InMemoryEventStore, NewEvent } from '@app/event-store';
import { Directory } from './directory';
import { DirectoryFollower } from './directory-follower';
import { DIRECTORY_STREAM, DirectoryEvent } from './directory.types';

const county: DirectoryEvent = {
  type: 'AgencyRegistered',
  data: { id: 'ag-1', divisionCode: '431002', name: '甲局', shortName: '甲', level: 'county', parentId: null },
};
const officer: DirectoryEvent = { type: 'UserRegistered', data: { id: 'u-1', name: '张三', roles: ['officer'], agencyId: 'ag-1' } };
const deactivated: DirectoryEvent = { type: 'UserDeactivated', data: { userId: 'u-1', reason: '调离', effectiveFrom: '2026-12-01' } };

let n = 0;
const stored = (e: DirectoryEvent): NewEvent => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  type: e.type,
  data: e.data,
  metadata: {},
});
const settled = () => new Promise((r) => setImmediate(r));

describe('DirectoryFollower', () => {
  it('reads the stream at start, then follows what another writer appends, once each', async () => {
    const store = new InMemoryEventStore();
    await store.append(DIRECTORY_STREAM, [stored(county), stored(officer)], 'no_stream');
    await store.append('case-1', [{ ...stored(county), type: 'CaseOpened' }], 'no_stream');
    const follower = new DirectoryFollower(store, new Directory());
    await follower.start();
    expect(follower.directory.revision).toBe(1);
    expect(follower.directory.user('u-1')?.active).toBe(true);

    // Another instance on the same store deactivates the user: followed without any request here.
    const written = await store.append(DIRECTORY_STREAM, [stored(deactivated)], 1);
    await settled();
    expect(follower.directory.user('u-1')).toMatchObject({ active: false, inactiveFrom: '2026-12-01' });
    expect(follower.directory.revision).toBe(2);
    // The writer applying its own append as well changes nothing.
    follower.apply(written.events);
    expect(follower.directory.revision).toBe(2);

    follower.stop();
    await store.append(DIRECTORY_STREAM, [stored({ type: 'UserReactivated', data: { userId: 'u-1' } })], 2);
    await settled();
    expect(follower.directory.revision).toBe(2);
  });
});
