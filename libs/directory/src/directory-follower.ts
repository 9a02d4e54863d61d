import { Subscription } from 'rxjs';
import { EventStore, StoredEvent } from '@app/event-store';
import { Directory } from './directory';
import { DIRECTORY_STREAM, DirectoryEvent } from './directory.types';

const toDirectoryEvent = (e: StoredEvent) => ({ type: e.type, data: e.data }) as DirectoryEvent;

/**
 * Keeps a registry up with the `directory` stream, whoever writes it: it reads the stream once, then follows the
 * store's subscription, so a change written through another instance on the same store (a user deactivated, a
 * certificate suspended, a role removed) is applied here as soon as the store delivers it. Each event is applied
 * once at its revision (Directory.applyStored), whether it arrives by the subscription, by a catch-up read or from
 * this process's own append.
 */
export class DirectoryFollower {
  private subscription: Subscription | null = null;

  constructor(
    private readonly store: EventStore,
    readonly directory: Directory,
    /** Errors of the background following (a gap, a failed read); it goes on with the next event. */
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Reads the stream as it stands and follows it from then on. */
  async start(): Promise<void> {
    // The head first, then the stream: what commits after the head is delivered by the subscription, and what is
    // both read and delivered is applied once. Only events after the head pass by, not the whole history.
    const head = await this.store.headPosition();
    await this.catchUp();
    this.subscription ??= this.store.subscribe(head).subscribe({
      next: (e) => {
        if (e.streamId === DIRECTORY_STREAM) this.follow(e);
      },
      error: (error: unknown) => this.onError(error),
    });
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  /** Applies whatever the stream holds past the registry's revision. */
  async catchUp(): Promise<void> {
    this.apply(await this.store.readStream(DIRECTORY_STREAM, { fromRevision: this.directory.revision + 1 }));
  }

  /** Applies stored events of the stream in revision order (those already applied are skipped). */
  apply(events: StoredEvent[]): void {
    for (const e of events) this.directory.applyStored(e.revision, toDirectoryEvent(e));
  }

  private follow(e: StoredEvent): void {
    try {
      this.directory.applyStored(e.revision, toDirectoryEvent(e));
    } catch (error) {
      // A gap (an event the subscription did not bring): read the stream onward instead of missing a change.
      this.onError(error);
      this.catchUp().catch(this.onError);
    }
  }
}
