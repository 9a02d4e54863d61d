/**
 * Errors of remote event stores (EventStoreDB; a server-backed adapter in general) that callers may want to tell
 * apart from a programming error: the embedded SQLite store never throws them.
 */

/**
 * The store could not be reached or could not serve the call now: connection refused or lost, the node is not the
 * leader, a deadline passed. Nothing is known to be written, but an append may have been; retrying the same append
 * (same event ids) is safe because appends are idempotent by event id.
 */
export class EventStoreUnavailableError extends Error {
  constructor(
    readonly operation: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Event store unavailable during ${operation}: ${reason} (try again; an append retried with the same event ids is stored once)`,
      options,
    );
    this.name = 'EventStoreUnavailableError';
  }
}
