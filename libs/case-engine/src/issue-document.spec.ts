import { EventStore, InMemoryEventStore, StoredEvent } from '@app/event-store';
import { CaseEngine, CommandRequest } from './case-engine';
import { DocumentSealer } from './document-sealer';
import { approveFiling, head, officer, openCase, testEngine } from './testing/engine-fixtures';

const at = '2026-09-03T10:00:00+08:00';

/**
 * A renderer that numbers `notice` in its own series and every other kind by the number 'N-<kind>', "renders" the
 * document to the hash of its kind, number and the revision it saw, and refuses the kind `missing`.
 */
const sealer: DocumentSealer = {
  prepare(kind: string, events: readonly StoredEvent[]) {
    if (kind === 'missing') return Promise.reject(new Error('not produced'));
    const revision = events[events.length - 1].revision;
    return Promise.resolve({
      numbering: kind === 'notice' ? { series: 'notice', format: '{short}罚告〔{year}〕{n}号' } : { number: `N-${kind}` },
      sha256: (number: string) => Promise.resolve(`${kind}|${number}|${revision}`),
    });
  },
};

function engine(store: EventStore) {
  return testEngine(store, { documents: sealer });
}

async function filedCase(e: CaseEngine): Promise<string> {
  const opened = await e.execute(openCase);
  await e.execute(approveFiling(opened.caseId));
  return opened.caseId;
}

const issue = (caseId: string, kind: string): CommandRequest => ({
  caseId,
  requestId: 'r',
  actor: officer,
  occurredAt: at,
  command: { name: 'issue-document', body: { kind } },
});

describe('CaseEngine: issue-document', () => {
  it('numbers a document of its own series gapless across cases, hashes it bearing that number, at the revision decided on', async () => {
    const store = new InMemoryEventStore();
    const e = engine(store);
    const [a, b] = [await filedCase(e), await filedCase(e)];
    const first = await e.execute(issue(a, 'notice'));
    const second = await e.execute(issue(b, 'notice'));
    expect(first.events[0]).toMatchObject({
      type: 'DocumentIssued',
      revision: 2,
      data: { kind: 'notice', number: '测应急罚告〔2026〕1号', format: 'pdf', sha256: 'notice|测应急罚告〔2026〕1号|1', revision: 1 },
    });
    expect(second.events[0].data).toMatchObject({ number: '测应急罚告〔2026〕2号' });
    // A document that bears its number already takes none.
    expect((await e.execute(issue(a, 'filing'))).events[0].data).toMatchObject({ number: 'N-filing', sha256: 'filing|N-filing|2' });
    expect((await store.readStream('numbers-notice-ag-1-2026')).map((x) => x.data)).toEqual([
      { number: 1, caseId: a },
      { number: 2, caseId: b },
    ]);
  });

  it('takes no number and writes nothing when the renderer refuses; the next issue takes number 1', async () => {
    const store = new InMemoryEventStore();
    const e = engine(store);
    const id = await filedCase(e);
    const head = await store.headPosition();
    await expect(e.execute(issue(id, 'missing'))).rejects.toThrow('not produced');
    expect(await store.headPosition()).toBe(head);
    expect((await e.execute(issue(id, 'notice'))).events[0].data).toMatchObject({ number: '测应急罚告〔2026〕1号' });
  });

  it('renders from the stored history, not a stale fold: another instance’s step is seen, and its revision recorded', async () => {
    const store = new InMemoryEventStore();
    const [mine, other] = [engine(store), engine(store)];
    const id = await filedCase(mine);
    await other.execute({
      caseId: id,
      requestId: 'r',
      actor: officer,
      command: {
        name: 'record-interference',
        body: { intervener: { name: 'n', unit: 'u', post: 'p', relation: 'other' }, means: 'phone', content: 'c', handling: 'h' },
      },
    });
    const issued = await mine.execute(issue(id, 'filing'));
    expect(issued.events[0]).toMatchObject({ revision: 3, data: { revision: 2, sha256: 'filing|N-filing|2' } });
  });

  describe('a step that serves a document is followed by its issue (ISSUED_WITH)', () => {
    const order = (caseId: string): CommandRequest => ({
      caseId,
      requestId: 'r',
      actor: head,
      occurredAt: at,
      command: { name: 'issue-rectification-order', body: { items: ['i'], deadline: '2026-09-20', legalBasis: ['b'] } },
    });

    it('records DocumentIssued right after the step, authorized with it, caused by it, in the same answer', async () => {
      const store = new InMemoryEventStore();
      // Only handling officers issue documents on their own: the head who orders is refused a bare issue-document.
      const authorizer = {
        authorize: (r: { actor: { id: string }; command: string }) => {
          if (r.command === 'issue-document' && r.actor.id !== officer.id) throw new Error('forbidden');
        },
      };
      const e = testEngine(store, { documents: sealer, authorizer });
      const id = await filedCase(e);
      const ordered = await e.execute(order(id));
      expect(ordered.events.map((x) => x.type)).toEqual(['RectificationOrdered', 'DocumentIssued']);
      expect(ordered.events[1]).toMatchObject({
        data: { kind: 'rectification-order', number: 'N-rectification-order', revision: ordered.events[0].revision },
        metadata: { command: 'issue-document', causationId: ordered.events[0].id, actor: { id: head.id } },
      });
      expect(ordered.view.revision).toBe(ordered.events[1].revision);
      await expect(e.execute({ ...issue(id, 'filing'), actor: head })).rejects.toThrow('forbidden');
    });

    it('leaves the step standing when the document cannot be issued (the renderer refuses), answering it alone', async () => {
      const store = new InMemoryEventStore();
      const refusing: DocumentSealer = { prepare: () => Promise.reject(new Error('data missing')) };
      const e = testEngine(store, { documents: refusing });
      const id = await filedCase(e);
      const ordered = await e.execute(order(id));
      expect(ordered.events.map((x) => x.type)).toEqual(['RectificationOrdered']);
      expect((await store.readStream(`case-${id}`)).map((x) => x.type)).not.toContain('DocumentIssued');
    });
  });
});
