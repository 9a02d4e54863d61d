/** The columns of an audit-trail row that the API returns as they are stored. */
export interface AuditTrailColumns {
  event_id: string;
  case_id: string;
  revision: number;
  type: string;
  actor_id: string;
  actor_agency_id: string;
  command: string;
  occurred_at: string;
  recorded_at: string;
}

/** One event of `GET /audit` (json, jsonl): those columns, with the data and metadata parsed and the hash links in the metadata. */
export interface AuditItem extends AuditTrailColumns {
  /** The store position, as a string (it may exceed 2^53). */
  position: string;
  data: unknown;
  metadata: { hash?: string; prevHash?: string } & Record<string, unknown>;
}
