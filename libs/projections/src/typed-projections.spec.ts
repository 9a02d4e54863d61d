import * as path from 'node:path';
import * as ts from 'typescript';

/*
 * The read side is typed by the events' schema: renaming a field of an event (or its metadata, or an event type)
 * must fail to compile in the projections that read it. Each case compiles the real projections against a copy of
 * the schema with one name changed (in memory, through the compiler API) and expects an error in the projection,
 * on a line that uses the old name. Untyped projections (`e.data as { … }`) would compile and fail this test.
 */
const ROOT = path.resolve(__dirname, '../../..');
const file = (relative: string) => path.join(ROOT, relative);
const PROJECTIONS = {
  'audit-trail': file('libs/projections/src/audit/audit-trail.projection.ts'),
  'event-payloads': file('libs/projections/src/audit/event-payloads.projection.ts'),
  'interference-register': file('libs/projections/src/interference/interference-register.projection.ts'),
  'public-decisions': file('libs/projections/src/publication/public-decisions.projection.ts'),
  'case-index': file('libs/projections/src/case-index/case-index.projection.ts'),
  assessment: file('libs/projections/src/assessment/assessment.projection.ts'),
};
type ProjectionName = keyof typeof PROJECTIONS;

interface Rename {
  file: string;
  /** The interface or union member the name is declared in. */
  within: string;
  from: string;
  to: string;
}

const config = ts.getParsedCommandLineOfConfigFile(
  file('tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(d.messageText) },
)!;
/** Parsed files shared by the programs (only the renamed ones differ), so each program reparses one file. */
const parsed = new Map<string, ts.SourceFile>();
let previous: ts.Program | undefined;

/** `from` renamed to `to` inside the block that starts at `within` (up to its closing line). */
function renamed(source: string, r: Rename): string {
  const start = source.indexOf(r.within);
  if (start < 0) throw new Error(`${r.within} not found in ${r.file}: update this test`);
  const end = source.indexOf('\n}', start);
  const block = source.slice(start, end < 0 ? undefined : end);
  const changed = block.replace(new RegExp(`\\b${r.from}\\b`), r.to);
  if (changed === block) throw new Error(`${r.from} not found in ${r.within}: update this test`);
  return source.slice(0, start) + changed + source.slice(start + block.length);
}

/** Per projection, the source lines with a type error, compiling against the schema with the renames applied. */
function errorLines(renames: Rename[]): Record<ProjectionName, string[]> {
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError) => {
    const mine = renames.filter((r) => path.resolve(fileName) === file(r.file));
    if (mine.length) return ts.createSourceFile(fileName, mine.reduce(renamed, ts.sys.readFile(fileName)!), language);
    const source = parsed.get(fileName) ?? getSourceFile(fileName, language, onError);
    if (source) parsed.set(fileName, source);
    return source;
  };
  const program = ts.createProgram({
    rootNames: Object.values(PROJECTIONS),
    options: { ...config.options, noEmit: true },
    host,
    oldProgram: previous,
  });
  previous = program;
  const lines = (p: string) =>
    program.getSemanticDiagnostics(program.getSourceFile(p)).map((d) => {
      const source = d.file!.text;
      const lineStart = source.lastIndexOf('\n', d.start) + 1;
      return source.slice(lineStart, source.indexOf('\n', d.start)).trim();
    });
  return Object.fromEntries(Object.entries(PROJECTIONS).map(([name, p]) => [name, lines(p)])) as Record<ProjectionName, string[]>;
}

const EVENT_DATA = 'workflows/enforcement-case/src/event-data';

describe('projections read the typed event schema', () => {
  it('compile cleanly against the schema as it is', () => {
    expect(errorLines([])).toEqual(Object.fromEntries(Object.keys(PROJECTIONS).map((name) => [name, []])));
  }, 120_000);

  it.each<[string, Rename, ProjectionName[]]>([
    [
      'a data field (CaseFiled.caseNo)',
      { file: `${EVENT_DATA}/procedure.data.ts`, within: 'interface CaseFiledData', from: 'caseNo', to: 'caseNumber' },
      ['case-index', 'interference-register'],
    ],
    [
      'a nested data field (InterferenceRecorded.intervener)',
      { file: `${EVENT_DATA}/procedure.data.ts`, within: 'interface InterferenceRecordedData', from: 'intervener', to: 'intervenor' },
      ['interference-register'],
    ],
    [
      'a data field (DecisionPublished.channel)',
      { file: `${EVENT_DATA}/follow-up.data.ts`, within: 'interface DecisionPublishedData', from: 'channel', to: 'medium' },
      ['public-decisions'],
    ],
    [
      'a data field (LegalReviewCompleted.legalBasisCorrect)',
      {
        file: `${EVENT_DATA}/procedure.data.ts`,
        within: 'interface LegalReviewCompletedData',
        from: 'legalBasisCorrect',
        to: 'basisCorrect',
      },
      ['assessment'],
    ],
    [
      'the facts of an opened case (agencyId)',
      { file: 'workflows/enforcement-case/src/case-types.ts', within: 'interface CaseFacts', from: 'agencyId', to: 'agency' },
      ['audit-trail', 'interference-register', 'public-decisions', 'case-index', 'assessment'],
    ],
    [
      'the metadata (recordedAt)',
      { file: 'libs/case-engine/src/event-envelope.ts', within: 'interface CaseEventMetadata', from: 'recordedAt', to: 'storedAt' },
      ['audit-trail', 'interference-register', 'case-index'],
    ],
    [
      'an event type (DecisionRevoked)',
      {
        file: 'workflows/enforcement-case/src/case-events.ts',
        within: 'export type CaseEventBody',
        from: 'DecisionRevoked',
        to: 'DecisionWithdrawn',
      },
      ['public-decisions'],
    ],
  ])('renaming %s breaks the projections that read it', (_, rename, broken) => {
    const errors = errorLines([rename]);
    for (const name of broken) expect([name, errors[name].length]).not.toEqual([name, 0]);
    // The errors are where the old name is used (an unknown metadata key may surface on the handler that returns it).
    expect(Object.values(errors).flat()).toContainEqual(expect.stringContaining(rename.from));
  });
});
