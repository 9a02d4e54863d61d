import { EVENT_STORE, EventStore } from '@app/event-store';
import { DIRECTORY_STREAM, DirectoryEvent, UserRegistration } from '@app/directory';
import { DirectoryService } from '../../apps/api/src/directory/directory.service';
import { TestApp } from './test-app';

export const certificate = (number: string, validUntil = '2029-12-31', status: 'valid' | 'suspended' | 'revoked' = 'valid') => ({
  number,
  validFrom: '2024-01-01',
  validUntil,
  status,
});

/**
 * Registers agencies and users the demo seed lacks: appended to the `directory` stream (the registry's truth, so the
 * change is in the history) and applied to the running registry.
 */
export async function registerInDirectory(t: TestApp, events: DirectoryEvent[]): Promise<void> {
  const store = t.app.get<EventStore>(EVENT_STORE);
  const actor = { id: 'system', name: 'test fixture', roles: [], agencyId: '' };
  await store.append(
    DIRECTORY_STREAM,
    events.map((e) => ({ id: crypto.randomUUID(), type: e.type, data: e.data, metadata: { actor } })),
    'any',
  );
  const directory = t.app.get(DirectoryService).directory;
  for (const e of events) directory.apply(e);
}

export const user = (data: UserRegistration): DirectoryEvent => ({ type: 'UserRegistered', data });
