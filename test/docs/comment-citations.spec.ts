import * as path from 'node:path';
import { brokenMarkdownLinks, checkComments, checkRepository, commentsOf, sectionsOf } from './comment-citations';

const ROOT = path.resolve(__dirname, '../..');

describe('what code comments cite', () => {
  it('every cited document is a file of the repository, with the cited section; no issue numbers, no ../shared', () => {
    expect(checkRepository(ROOT)).toEqual([]);
  });

  it('every relative link of README.md and docs/ leads to a file', () => {
    expect(brokenMarkdownLinks(ROOT)).toEqual([]);
  });
});

describe('the citation rules, on made-up files', () => {
  const files: Record<string, string> = {
    'docs/procedure.md': '# Procedure\n\n## §1 Time rules\n\ntext §7 in a paragraph\n\n## §4 The lifecycle\n\n### §4.2 Commands\n',
    'libs/x/notes.md': '# notes\n',
  };
  const exists = (p: string) => p in files;
  const read = (p: string) => files[p];
  const check = (source: string) => checkComments('libs/x/a.ts', source, exists, read).map((o) => `${o.line}: ${o.message}`);

  it('finds comments, never strings, template literals or regular expressions', () => {
    const source = [
      "const a = '// not a comment (issue 3)';",
      'const b = `/* nor this */ ${a}`;',
      'const c = /\\/\\/ nor this/;',
      '// one',
      '/**',
      ' * two',
      ' */',
      'function f() { return 1; } // three',
    ].join('\n');
    expect(commentsOf('a.ts', source).map((c) => [c.line, c.text])).toEqual([
      [4, '// one'],
      [5, '/**\n * two\n */'],
      [8, '// three'],
    ]);
  });

  it('accepts a cited file and section that exist, relative to the root or to the file', () => {
    expect(check('// docs/procedure.md §1\n/** (docs/procedure.md §4.2 "who") */\n// see notes.md\nconst x = 1;')).toEqual([]);
  });

  it('names file:line of a missing file, a missing section, an issue number, ../shared and a bare document name', () => {
    const source = [
      'const x = 1;',
      '// procedure.md §4: the stages',
      '/**',
      ' * The rule of issue 5, or Issue #12.',
      ' * As ../shared/domain/procedure.md says, docs/procedure.md',
      ' * §9 does not exist; docs/procedure.md §7 is only in a paragraph.',
      ' */',
      'const y = 2; // architecture §4.2',
    ].join('\n');
    expect(checkComments('libs/x/a.ts', source, exists, read).map((o) => `${o.file}:${o.line}: ${o.message}`)).toEqual([
      'libs/x/a.ts:2: cites procedure.md, which is not a file of the repository',
      'libs/x/a.ts:4: cites an issue number ("issue 5"): say what the rule is, and cite docs/ or the law',
      'libs/x/a.ts:4: cites an issue number ("Issue #12"): say what the rule is, and cite docs/ or the law',
      'libs/x/a.ts:5: cites ../shared, which is not in the repository: cite docs/',
      'libs/x/a.ts:5: cites ../shared/domain/procedure.md, which is not a file of the repository',
      'libs/x/a.ts:5: cites docs/procedure.md §9, but docs/procedure.md has no heading with §9',
      'libs/x/a.ts:6: cites docs/procedure.md §7, but docs/procedure.md has no heading with §7',
      'libs/x/a.ts:8: cites "architecture §4" without its file: write docs/architecture.md §…',
    ]);
  });

  it('reads sections from headings only', () => {
    expect([...sectionsOf(files['docs/procedure.md'])].sort()).toEqual(['1', '4', '4.2']);
  });
});
