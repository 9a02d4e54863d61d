/**
 * KurrentDB (the renamed EventStoreDB, from server 25.0) speaks the same gRPC protocol and the same connection-string
 * grammar; only the scheme is new. `@eventstore/db-client` knows only `esdb://` and `esdb+discover://`, so a
 * `kurrentdb://` string is given to it under the old scheme — hosts, credentials and options unchanged.
 */
const KURRENTDB_SCHEME = /^kurrentdb(\+discover)?:\/\//i;

export function clientConnectionString(connectionString: string): string {
  return connectionString.replace(KURRENTDB_SCHEME, (_, discover: string | undefined) => `esdb${discover ?? ''}://`);
}
