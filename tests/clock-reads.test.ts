// Every read of the clock lies in a part the clock pass runs (tests/projects.ts), so that `npm test`'s second
// pass, five years ahead, exercises it, and is of a kind the clock pass shifts.
import { describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/lib/paths.ts';
import { clockReads, sourceFiles, uncovered } from './clock-reads.ts';
import { CLOCK_PROJECTS } from './projects.ts';

describe('reads of the clock', () => {
  it('all lie in the parts the clock pass runs', { timeout: 60_000 }, () => {
    const reads = sourceFiles(ROOT).flatMap(({ file, text }) => clockReads(file, text));
    expect(reads.length, 'the finder finds the reads there are').toBeGreaterThan(0);
    expect(uncovered(reads)).toEqual([]);
  });

  it('are found in every form, and not in comments, strings or with an argument', () => {
    const planted = [
      'const a = Date.now();',
      'const b = new Date();',
      'const c = new Date;',
      'const d = Date();',
      'const e = performance.timeOrigin;',
      'const f = Temporal.Now.instant();',
      'const g = [1].map(Date.now);',
      '// Date.now() in a comment',
      "const h = 'new Date()';",
      'const i = new Date(0);',
      'const j = Date.parse("2026-01-01");',
      'const k = performance.now();',
    ].join('\n');
    expect(clockReads('docs/planted.ts', planted).map(({ line, read }) => [line, read])).toEqual([
      [1, 'Date.now'],
      [2, 'new Date()'],
      [3, 'new Date'],
      [4, 'Date()'],
      [5, 'performance.timeOrigin'],
      [6, 'Temporal.Now'],
      [7, 'Date.now'],
    ]);
  });

  it('fail the test when one is planted outside the clock pass, naming file and line', () => {
    const read = (file: string) => clockReads(file, '\nexport const stamp = () => Date.now();\n');
    expect(uncovered(read('docs/planted.ts'))).toEqual([
      "docs/planted.ts:2: Date.now reads the clock, and its project 'docs' is not in the clock pass (set clock: true in tests/projects.ts)",
    ]);
    expect(uncovered(read('tools/planted.ts'))).toEqual(['tools/planted.ts:2: Date.now reads the clock, and no project tests that folder']);
    // A read in a part the clock pass runs is covered; a subfolder goes to the project of its own folder.
    expect(CLOCK_PROJECTS).toContain('sandbox');
    expect(uncovered(read('sandbox/planted.ts'))).toEqual([]);
    expect(uncovered(read('tests/webhooks/planted.ts'))).toEqual([]);
    expect(uncovered(read('tests/planted.ts'))).toHaveLength(1);
  });

  it('fail the test when they are of a kind the clock pass does not shift, even in a part it runs', () => {
    expect(uncovered(clockReads('sandbox/planted.ts', 'const now = Temporal.Now.instant();'))).toEqual([
      'sandbox/planted.ts:1: Temporal.Now reads a clock the clock pass does not move: tests/support/clock-ahead.ts does not shift Temporal (not in Node 24): read Date.now() instead',
    ]);
  });
});
