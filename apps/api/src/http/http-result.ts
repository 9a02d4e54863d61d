/** What HTTP says beside a body: its revision (ETag), whether it was created (201, Location), whether it is a replay. */
export interface HttpResultMeta {
  /** Sent as the ETag `"<revision>"`, the value an If-Match names. */
  revision?: number;
  /** Given, the status is 201 (created) or 200; absent, the route's own status stands. */
  created?: boolean;
  /** Sent as Location (the created resource). */
  location?: string;
  /** An idempotent retry answered with the first response: `Idempotent-Replayed: true`. */
  replayed?: boolean;
}

/**
 * A response body with its HTTP metadata: handlers and services return one instead of writing on the reply, and
 * HttpResultInterceptor sets the headers and status and sends the body alone.
 */
export class HttpResult<T> {
  constructor(
    readonly body: T,
    readonly meta: HttpResultMeta,
  ) {}
}
