// Finds every read of the wall clock in the repository's code, and those that the clock pass does not move 1826
// days ahead: a read outside the parts it runs (tests/projects.ts), or of a kind its clock (tests/support/
// clock-ahead.ts) does not shift; a date that expires there would go unnoticed. Monotonic timers (`performance.now()`, `process.hrtime`) measure durations, which an
// offset does not change: they are not reads of the date.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { PROJECTS, type Project } from './projects.ts';

/** The kinds of clock read the finder knows. */
export type ClockKind = 'Date.now' | 'new Date()' | 'Date()' | 'performance.timeOrigin' | 'Temporal.Now';

/**
 * For each kind: an expression giving its time in ms, which tests/clock-ahead.test.ts checks is shifted in the clock
 * pass, or why the clock pass cannot shift it (a read of it is refused wherever it is).
 */
export const CLOCK_KINDS: Record<ClockKind, { probe: string } | { refused: string }> = {
  'Date.now': { probe: 'Date.now()' },
  'new Date()': { probe: 'new Date().getTime()' },
  'Date()': { probe: 'Date.parse(Date())' },
  'performance.timeOrigin': { probe: 'performance.timeOrigin + performance.now()' },
  'Temporal.Now': { refused: 'tests/support/clock-ahead.ts does not shift Temporal (not in Node 24): read Date.now() instead' },
};

/** The clock pass's clock itself: its reads are what the pass shifts. */
const CLOCK_MODULE = 'tests/support/clock-ahead.ts';

export interface ClockRead {
  file: string;
  line: number;
  kind: ClockKind;
  /** The expression, as written. */
  read: string;
}

const isName = (node: ts.Node, name: string): boolean => ts.isIdentifier(node) && node.text === name;

/** The kind of wall-clock read `node` is, if it is one: `Date.now`, `new Date()` or `Date()` without an argument, `performance.timeOrigin`, `Temporal.Now`. */
function clockKind(node: ts.Node): ClockKind | undefined {
  if (ts.isPropertyAccessExpression(node)) {
    const [object, property] = [node.expression, node.name.text];
    if (isName(object, 'Date') && property === 'now') return 'Date.now';
    if (isName(object, 'performance') && property === 'timeOrigin') return 'performance.timeOrigin';
    if (isName(object, 'Temporal') && property === 'Now') return 'Temporal.Now';
    return undefined;
  }
  if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && isName(node.expression, 'Date') && (node.arguments ?? []).length === 0) {
    return ts.isNewExpression(node) ? 'new Date()' : 'Date()';
  }
  return undefined;
}

/** The clock reads in one file's source. */
export function clockReads(file: string, text: string): ClockRead[] {
  // Parsed only when it names one of the clocks at all.
  if (!/\b(Date|timeOrigin|Temporal)\b/.test(text)) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const reads: ClockRead[] = [];
  const visit = (node: ts.Node): void => {
    const kind = clockKind(node);
    if (kind) reads.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, kind, read: node.getText(source) });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return reads;
}

/** The project whose sources hold `file` (the longest folder that does), if any. */
export function ownerOf(file: string, projects: readonly Project[] = PROJECTS): Project | undefined {
  const owners = projects.flatMap((project) => project.sources.filter((folder) => file.startsWith(folder)).map((folder) => ({ project, folder })));
  return owners.sort((a, b) => b.folder.length - a.folder.length)[0]?.project;
}

/** Why each read escapes the clock pass: its kind is not shifted there, its part is not in it, or no project tests its part. */
export function uncovered(reads: readonly ClockRead[], projects: readonly Project[] = PROJECTS): string[] {
  return reads.flatMap(({ file, line, kind, read }) => {
    if (file === CLOCK_MODULE) return [];
    const shift = CLOCK_KINDS[kind];
    if ('refused' in shift) return [`${file}:${line}: ${read} reads a clock the clock pass does not move: ${shift.refused}`];
    const owner = ownerOf(file, projects);
    if (owner?.clock) return [];
    const why = owner ? `its project '${owner.name}' is not in the clock pass (set clock: true in tests/projects.ts)` : 'no project tests that folder';
    return [`${file}:${line}: ${read} reads the clock, and ${why}`];
  });
}

/** Every tracked source file of the repository (TypeScript and JavaScript). */
export function sourceFiles(root: string): { file: string; text: string }[] {
  const files = execFileSync(
    'git',
    ['-C', root, 'ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mts', '*.cts', '*.js', '*.mjs', '*.cjs'],
    {
      encoding: 'utf8',
    },
  )
    .split('\n')
    .filter((file) => file !== '' && existsSync(join(root, file)));
  return files.map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
}
