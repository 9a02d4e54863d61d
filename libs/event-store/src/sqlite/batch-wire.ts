import { AppendRequest, WriteOutcome } from './sqlite-batch-writer';

/**
 * The batch crosses to the writer thread as one string: structured-cloning a tree of small objects and strings
 * cost more than the commit itself. Fields are length-prefixed (`<length>:<text>`), so payloads need no escaping.
 */
export function encodeBatch(batch: AppendRequest[]): string {
  const parts: string[] = [];
  const put = (s: string) => parts.push(`${s.length}:`, s);
  put(String(batch.length));
  for (const a of batch) {
    put(a.streamId);
    put(String(a.expected));
    put(String(a.events.length));
    for (const e of a.events) {
      put(e.id);
      put(e.type);
      put(e.data);
      put(e.metadata);
    }
  }
  return parts.join('');
}

export function decodeBatch(wire: string): AppendRequest[] {
  let at = 0;
  const take = (): string => {
    const colon = wire.indexOf(':', at);
    const length = Number(wire.slice(at, colon));
    at = colon + 1 + length;
    return wire.slice(colon + 1, at);
  };
  const batch: AppendRequest[] = [];
  for (let n = Number(take()); n > 0; n--) {
    const streamId = take();
    const expectedText = take();
    const expected = expectedText === 'no_stream' || expectedText === 'any' ? expectedText : Number(expectedText);
    const events = [];
    for (let k = Number(take()); k > 0; k--) events.push({ id: take(), type: take(), data: take(), metadata: take() });
    batch.push({ streamId, expected, events });
  }
  return batch;
}

/** Outcomes go back as JSON, positions as decimal strings (JSON has no bigint). */
export function encodeOutcomes(outcomes: WriteOutcome[]): string {
  return JSON.stringify(outcomes, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

export function decodeOutcomes(wire: string): WriteOutcome[] {
  return JSON.parse(wire, (_k, v: unknown) => (typeof v === 'string' && /^\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v)) as WriteOutcome[];
}
