// A validator's start: the CPU time of a process that creates one (contract-core/validator.ts), its response
// schemas compiled by ajv (an empty cache) or loaded from the cache a former start wrote
// (contract-core/compiled-schemas.ts), beside the baseline, a process that only imports the validator. Rounds
// interleaved, their order reversed every other round; the median of the rounds and their spread.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../../contract-core/files.ts';
import { median } from './lib/rounds.ts';

const ROUNDS = 5;
const validator = JSON.stringify(pathToFileURL(join(ROOT, 'contract-core/validator.ts')).href);
const warm = mkdtempSync(join(tmpdir(), 'bench-validator-start-'));

/** The CPU milliseconds of one process: Node's start, the import, and `create` (code run with `createValidator` and `dir`). */
function cpuMs(create: string, dir: string): number {
  const script = `import { createValidator } from ${validator}; const dir = process.argv[1]; ${create}; const { user, system } = process.cpuUsage(); console.log((user + system) / 1000);`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '--eval', script, dir], { encoding: 'utf8' }));
}

const starts = [
  { name: 'import only (baseline)', run: () => cpuMs('void createValidator', warm) },
  {
    name: 'create, schemas compiled (an empty cache)',
    run: () => {
      const empty = mkdtempSync(join(tmpdir(), 'bench-validator-start-'));
      try {
        return cpuMs('createValidator(undefined, { cacheDir: dir })', empty);
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    },
  },
  { name: 'create, schemas loaded from the cache', run: () => cpuMs('createValidator(undefined, { cacheDir: dir })', warm) },
];

try {
  cpuMs('createValidator(undefined, { cacheDir: dir })', warm);
  const runs = new Map<string, number[]>(starts.map((start) => [start.name, []]));
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const start of round % 2 === 1 ? starts : starts.toReversed()) runs.get(start.name)!.push(start.run());
  }
  const baseline = median(runs.get(starts[0]!.name)!);
  console.log(`| process | CPU ms, median of ${ROUNDS} | spread | × baseline |\n|---|---:|---:|---:|`);
  for (const [name, ms] of runs) {
    console.log(`| ${name} | ${median(ms).toFixed(0)} | ${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)} | ${(median(ms) / baseline).toFixed(2)} |`);
  }
} finally {
  rmSync(warm, { recursive: true, force: true });
}
