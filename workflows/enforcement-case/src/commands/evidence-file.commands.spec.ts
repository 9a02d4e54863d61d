import { CaseEventBody } from '../case-events';
import { foldCaseEvents } from '../fold';
import { env, given, opened, when } from '../testing/given-when-then';

const at = (d: string) => `${d}T10:00:00+08:00`;
const filed: CaseEventBody = { type: 'CaseFiled', data: { caseNo: 'N1', rulesVersion: 'hn-2026.1', deadlines: [] } };
const HASH = 'ab'.repeat(32);
const recorded: CaseEventBody = {
  type: 'EvidenceRecorded',
  data: { evidenceId: 'ev-1', kind: 'photo', title: '现场照片', officerIds: ['o1'], contentHash: HASH },
};
const file = (over: Partial<{ evidenceId: string; sha256: string }> = {}) => ({
  name: 'attach-evidence-file' as const,
  body: { evidenceId: 'ev-1', sha256: HASH.toUpperCase(), sizeBytes: 2048, contentType: 'image/jpeg', fileName: '现场照片.jpg', ...over },
});
const inInvestigation = () => given([opened, at('2026-09-01')], [filed, at('2026-09-01')], [recorded, at('2026-09-02')]);

describe('attach-evidence-file', () => {
  it('records the file of a recorded evidence item: hash lower-cased, and whether it is the content the item was recorded with', () => {
    const d = when(inInvestigation(), file(), env(at('2026-09-03')));
    expect(d).toEqual({
      ok: true,
      events: [
        {
          type: 'EvidenceFileAttached',
          data: {
            evidenceId: 'ev-1',
            sha256: HASH,
            sizeBytes: 2048,
            contentType: 'image/jpeg',
            fileName: '现场照片.jpg',
            matchesContentHash: true,
          },
        },
      ],
    });
    const other = when(inInvestigation(), file({ sha256: 'cd'.repeat(32) }), env(at('2026-09-03')));
    expect(other.ok && other.events[0].data).toMatchObject({ matchesContentHash: false });
  });

  it('the fold lists the file under its evidence item; the same file again is refused, naming it', () => {
    const s = inInvestigation();
    const d = when(s, file(), env(at('2026-09-03')));
    if (!d.ok) throw new Error(JSON.stringify(d.refusal));
    const after = foldCaseEvents(
      d.events.map((e) => ({ ...e, meta: { actorId: 'o1', occurredAt: at('2026-09-03'), recordedAt: at('2026-09-03') } })),
      s,
    );
    expect(after.context.evidence[0].fileHashes).toEqual([HASH]);
    const again = when(after, file(), env(at('2026-09-04')));
    expect(again).toMatchObject({
      ok: false,
      refusal: { kind: 'legal_conditions', violations: [{ rule: 'evidenceFileNotAttachedYet', detail: expect.stringContaining(HASH) }] },
    });
  });

  it('the seizure’s audio-video record may be named by the hash of a recording uploaded to an audio-video item', () => {
    const video: CaseEventBody = {
      type: 'EvidenceRecorded',
      data: { evidenceId: 'ev-av', kind: 'audio_video', title: '执法记录仪视频', officerIds: ['o1'], contentHash: HASH },
    };
    const uploaded = 'ef'.repeat(32);
    const attached: CaseEventBody = {
      type: 'EvidenceFileAttached',
      data: { evidenceId: 'ev-av', sha256: uploaded, sizeBytes: 9, contentType: 'video/mp4', fileName: 'a.mp4', matchesContentHash: false },
    };
    const seize = (hash: string) => ({
      name: 'impose-seizure' as const,
      body: { items: [{ name: '烟花爆竹' }], reason: '防止转移', legalBasis: ['安全生产法 Art. 65(4)'], audioVideoEvidenceHash: hash },
    });
    const s = given([opened, at('2026-09-01')], [filed, at('2026-09-01')], [video, at('2026-09-02')], [attached, at('2026-09-02')]);
    expect(when(s, seize(uploaded), env(at('2026-09-03'), 'head', ['head']))).toMatchObject({ ok: true });
    // A photo's file does not stand for the on-site recording.
    const photoFile: CaseEventBody = {
      ...attached,
      data: { ...attached.data, evidenceId: 'ev-1', sha256: 'aa'.repeat(32) },
    } as CaseEventBody;
    const p = given([opened, at('2026-09-01')], [filed, at('2026-09-01')], [recorded, at('2026-09-02')], [photoFile, at('2026-09-02')]);
    expect(when(p, seize('aa'.repeat(32)), env(at('2026-09-03'), 'head', ['head']))).toMatchObject({
      ok: false,
      refusal: { violations: [{ rule: 'audioVideoRecorded' }] },
    });
  });

  it('refuses an evidence id this case has not recorded (422 naming it)', () => {
    const d = when(inInvestigation(), file({ evidenceId: 'ev-elsewhere' }), env(at('2026-09-03')));
    expect(d).toMatchObject({
      ok: false,
      refusal: {
        kind: 'legal_conditions',
        violations: [{ rule: 'evidenceRecordedInCase', detail: expect.stringContaining('ev-elsewhere') }],
      },
    });
  });

  it('is not allowed before filing (the machine accepts files where evidence is recorded)', () => {
    const d = when(given([opened, at('2026-09-01')]), file(), env(at('2026-09-02')));
    expect(d).toMatchObject({ ok: false, refusal: { kind: 'not_allowed', command: 'attach-evidence-file', stage: 'filing' } });
  });
});
