// Finds every read of the wall clock in the repository's code, and those that lie outside the parts the clock
// pass runs (tests/projects.ts): such a read escapes `faketime -f '+1826d'`, so a date that expires there
// would go unnoticed. Monotonic timers (`performance.now()`, `process.hrtime`) measure durations, which an
// offset does not change: they are not reads of the date.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { PROJECTS, type Project } from './projects.ts';

export interface ClockRead {
  file: string;
  line: number;
  /** The expression, as written. */
  read: string;
}

const isName = (node: ts.Node, name: string): boolean => ts.isIdentifier(node) && node.text === name;

/** Whether `node` reads the wall clock: `Date.now`, `new Date()` or `Date()` without an argument, `performance.timeOrigin`, `Temporal.Now`. */
function readsClock(node: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(node)) {
    const [object, property] = [node.expression, node.name.text];
    return (
      (isName(object, 'Date') && property === 'now') ||
      (isName(object, 'performance') && property === 'timeOrigin') ||
      (isName(object, 'Temporal') && property === 'Now')
    );
  }
  if (ts.isNewExpression(node) || ts.isCallExpression(node)) return isName(node.expression, 'Date') && (node.arguments ?? []).length === 0;
  return false;
}

/** The clock reads in one file's source. */
export function clockReads(file: string, text: string): ClockRead[] {
  // Parsed only when it names one of the clocks at all.
  if (!/\b(Date|timeOrigin|Temporal)\b/.test(text)) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const reads: ClockRead[] = [];
  const visit = (node: ts.Node): void => {
    if (readsClock(node)) reads.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, read: node.getText(source) });
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

/** Why each read escapes the clock pass: its part is not in it, or no project tests its part. */
export function uncovered(reads: readonly ClockRead[], projects: readonly Project[] = PROJECTS): string[] {
  return reads.flatMap(({ file, line, read }) => {
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
