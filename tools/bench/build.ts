// Build time: lint, bundle and gen, each timed over a few runs (median), beside parsing the YAML alone.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../../contract-core/files.ts';

const RUNS = 3;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = (args: string[]): number => {
  const runs = Array.from({ length: RUNS }, () => {
    const start = performance.now();
    execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    return performance.now() - start;
  });
  return median(runs);
};

const baseline = time(['-e', "require('yaml')"]);
const rows = [
  ['node start-up + yaml (baseline)', baseline],
  ['lint (source + bundle)', time([join(ROOT, 'scripts/lint.ts')])],
  ['bundle', time([join(ROOT, 'scripts/bundle.ts')])],
  ['gen (types + catalog module)', time([join(ROOT, 'scripts/gen.ts')])],
] as const;
console.log(`| step | median of ${RUNS} (ms) | × baseline |\n|---|---:|---:|`);
for (const [step, ms] of rows) console.log(`| ${step} | ${ms.toFixed(0)} | ${(ms / baseline).toFixed(1)} |`);
