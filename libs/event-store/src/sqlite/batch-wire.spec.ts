import { decodeBatch, decodeOutcomes, encodeBatch, encodeOutcomes } from './batch-wire';

describe('writer-thread wire format', () => {
  it('round-trips batches with unicode, separators and empty strings', () => {
    const batch = [
      {
        streamId: 'case-1',
        expected: 'no_stream' as const,
        events: [{ id: 'a', type: 'CaseOpened', data: '{"n":"郴应急立〔2026〕17号 9:9:"}', metadata: '{}' }],
      },
      {
        streamId: 's:2',
        expected: 41,
        events: [
          { id: 'b', type: 'T', data: '', metadata: '{"x":"😀"}' },
          { id: 'c', type: 'T', data: '1:2', metadata: '{}' },
        ],
      },
      { streamId: 'x', expected: 'any' as const, events: [{ id: 'd', type: 'T', data: 'null', metadata: '{}' }] },
    ];
    expect(decodeBatch(encodeBatch(batch))).toEqual(batch);
  });

  it('round-trips outcomes with bigint positions', () => {
    const outcomes = [
      {
        ok: true as const,
        wrote: true as const,
        firstRevision: 3,
        positions: [9007199254740993n, 12n],
        hashes: [
          ['a', 'b'],
          ['b', 'c'],
        ] as [string, string][],
      },
      { ok: false as const, error: { name: 'WrongExpectedRevisionError', message: 'm', streamId: 's', expected: 1, actual: 2 } },
    ];
    expect(decodeOutcomes(encodeOutcomes(outcomes))).toEqual(outcomes);
  });
});
