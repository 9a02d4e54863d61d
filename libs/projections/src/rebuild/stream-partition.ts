/**
 * Which of `partitions` threads rebuilds a stream: a cheap hash of the stream id's last two characters (case ids
 * end in random UUID digits), computed by SQLite while it scans the events table, so a thread turns into JavaScript
 * only the events of its own streams. The split only needs to be stable and roughly even: every event of a stream
 * lands in the same partition however the streams spread.
 */
export function streamPartitionSql(column: string, partitions: number): string {
  return `((unicode(substr(${column}, -1)) + 3 * unicode(substr(${column}, -2, 1))) % ${partitions})`;
}
