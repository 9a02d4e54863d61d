import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * What a comment may cite. A newcomer's clone has only the repository, so a comment that cites a document must cite
 * one that is in it (`docs/procedure.md §4`), with a section that exists, and never an issue number or a text kept
 * beside the repository. Convention of the docs: every numbered section has a heading containing `§N` (`## §4 …`).
 */

export interface Offence {
  file: string;
  line: number;
  message: string;
}

export interface SourceComment {
  /** 1-based line of the comment's first character. */
  line: number;
  text: string;
}

/** Every `//` and `/* *\/` comment of a TypeScript or JavaScript source, found by the compiler's parser (strings,
 * template literals and regular expressions are never mistaken for comments). */
export function commentsOf(fileName: string, source: string): SourceComment[] {
  const sf = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS,
  );
  const seen = new Map<number, SourceComment>();
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (!seen.has(r.pos)) seen.set(r.pos, { line: sf.getLineAndCharacterOfPosition(r.pos).line + 1, text: source.slice(r.pos, r.end) });
    }
  };
  const visit = (node: ts.Node) => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(sf);
    if (children.length === 0) {
      collect(ts.getLeadingCommentRanges(source, node.pos));
      collect(ts.getTrailingCommentRanges(source, node.end));
      return;
    }
    children.forEach(visit);
  };
  visit(sf);
  // A shebang is not a comment of the program; the parser reports it as one at position 0.
  return [...seen.values()].filter((c) => !c.text.startsWith('#!')).sort((a, b) => a.line - b.line);
}

const ISSUE = /\b[Ii]ssues?\s*#?\d+/g;
const SHARED = /\.\.\/shared\b/g;
const MD_PATH = /(?<![\w./-])((?:\.{1,2}\/|[\w-]+\/)*[\w.-]+\.md)\b/g;
const BARE_DOC_SECTION = /\b(procedure|supervision|architecture|commands|api|configuration|deployment|operations|benchmarks)\s+§\s*\d/g;
const SECTION_AFTER = /^[\s*`'"“”]*§\s*(\d+)(?:\.(\d+))?/;

/** The sections a markdown file declares: every heading's `§N` or `§N.M`. */
export function sectionsOf(markdown: string): Set<string> {
  const found = new Set<string>();
  for (const line of markdown.split('\n')) {
    if (!/^#{1,6}\s/.test(line)) continue;
    for (const m of line.matchAll(/§\s*(\d+(?:\.\d+)?)/g)) found.add(m[1]);
  }
  return found;
}

function lineAt(comment: SourceComment, index: number): number {
  return comment.line + (comment.text.slice(0, index).match(/\n/g)?.length ?? 0);
}

/**
 * The offences in one file's comments. `exists` answers whether a repository-relative path is a file, `read` gives
 * a markdown file's text (for its sections); both are injected so the rules can be tested on made-up files.
 */
export function checkComments(
  file: string,
  source: string,
  exists: (repoPath: string) => boolean,
  read: (repoPath: string) => string,
): Offence[] {
  const offences: Offence[] = [];
  const offend = (c: SourceComment, index: number, message: string) => offences.push({ file, line: lineAt(c, index), message });
  for (const c of commentsOf(file, source)) {
    for (const m of c.text.matchAll(ISSUE))
      offend(c, m.index, `cites an issue number ("${m[0]}"): say what the rule is, and cite docs/ or the law`);
    for (const m of c.text.matchAll(SHARED)) offend(c, m.index, 'cites ../shared, which is not in the repository: cite docs/');
    for (const m of c.text.matchAll(BARE_DOC_SECTION)) offend(c, m.index, `cites "${m[0]}" without its file: write docs/${m[1]}.md §…`);
    for (const m of c.text.matchAll(MD_PATH)) {
      const cited = m[1];
      const candidates = cited.startsWith('.')
        ? [path.posix.join(path.posix.dirname(file), cited)]
        : [path.posix.normalize(cited), path.posix.join(path.posix.dirname(file), cited)];
      const target = candidates.find(exists);
      if (!target) {
        offend(c, m.index, `cites ${cited}, which is not a file of the repository`);
        continue;
      }
      const section = SECTION_AFTER.exec(c.text.slice(m.index + cited.length));
      if (!section) continue;
      const sections = sectionsOf(read(target));
      const [, major, minor] = section;
      if (!sections.has(major) && !(minor && sections.has(`${major}.${minor}`)))
        offend(c, m.index, `cites ${cited} §${minor ? `${major}.${minor}` : major}, but ${target} has no heading with §${major}`);
    }
  }
  return offences;
}

/** The TypeScript and JavaScript files under the given repository folders (skipping dependencies and build output). */
export function sourceFiles(root: string, folders: string[]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', 'dist', 'data', 'coverage'].includes(entry.name)) walk(child);
      } else if (/\.(ts|js|mjs|cjs)$/.test(entry.name)) out.push(child);
    }
  };
  folders.forEach(walk);
  return out.sort();
}

/** Every offence in the repository's code comments, as `file:line: message`. */
export function checkRepository(root: string): string[] {
  const isFile = (rel: string) => fs.existsSync(path.join(root, rel)) && fs.statSync(path.join(root, rel)).isFile();
  const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
  const rootScripts = fs.readdirSync(root).filter((n) => /\.(js|ts)$/.test(n));
  const files = [...rootScripts, ...sourceFiles(root, ['apps', 'libs', 'workflows', 'test'])];
  return files.flatMap((f) => checkComments(f, read(f), isFile, read)).map((o) => `${o.file}:${o.line}: ${o.message}`);
}

/** Relative links of the repository's markdown (README.md, docs/) that lead to no file. */
export function brokenMarkdownLinks(root: string): string[] {
  const docs = fs.existsSync(path.join(root, 'docs'))
    ? fs
        .readdirSync(path.join(root, 'docs'))
        .filter((n) => n.endsWith('.md'))
        .map((n) => `docs/${n}`)
    : [];
  const out: string[] = [];
  for (const file of ['README.md', ...docs]) {
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
    lines.forEach((text, i) => {
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1].split('#')[0];
        if (!target || /^[a-z]+:/.test(target)) continue;
        if (!fs.existsSync(path.join(root, path.posix.dirname(file), target)))
          out.push(`${file}:${i + 1}: links to ${m[1]}, which does not exist`);
      }
      for (const m of text.matchAll(SHARED)) out.push(`${file}:${i + 1}: cites ../shared (${m[0]}), which is not in the repository`);
    });
  }
  return out;
}
