/** Types of replicate.js (plain JavaScript, run by node in the benches and imported by a jest test). */
export interface SourceRow {
  id: string;
  streamId: string;
  type: string;
  data: string;
  metadata: string;
}
export interface ReplicaAppend {
  streamId: string;
  expected: 'no_stream' | 'any';
  events: { id: string; type: string; data: string; metadata: string }[];
}
export interface ReplicaWriter {
  headPosition(): bigint | Promise<bigint>;
  /** One chunk (one transaction), made as it is consumed. */
  write(appends: Iterable<ReplicaAppend>): unknown;
  /** Events per chunk when the caller names none. */
  chunkEvents?: number;
  /** The last number of each numbering stream already in the store ([streamId, number]), when it may hold replicas. */
  lastNumbers?(): [string, number][] | Promise<[string, number][]>;
  close?(): unknown;
}
export interface ReplicationReport {
  templates: number;
  sourceEvents: number;
  cases: number;
  events: number;
  totalEvents: number;
  seconds: number;
  eventsPerSec: number;
  years: [number, number];
  agencies: string[];
}
export function replicate(options: {
  writer: ReplicaWriter;
  sourceRows: SourceRow[];
  targetEvents: number;
  chunkEvents?: number;
  onProgress?: (written: number, target: number) => void;
}): Promise<ReplicationReport>;
export function storeWriter(store: {
  headPosition(): Promise<bigint>;
  append(
    streamId: string,
    events: { id: string; type: string; data: unknown; metadata: unknown }[],
    expected: 'no_stream' | 'any',
  ): Promise<unknown>;
}): ReplicaWriter;
export function sqliteBatchWriter(dist: string, file: string): ReplicaWriter & { close(): void };
export function readSqliteRows(file: string): SourceRow[];
export function postgresLastNumbers(target: { url: string; schema: string }): Promise<[string, number][]>;
export function readPostgresRows(target: { url: string; schema: string }): Promise<SourceRow[]>;
