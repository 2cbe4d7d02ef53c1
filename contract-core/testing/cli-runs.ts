// For the CLI's tests: command lines of `payjp-v2-contract` run in one spawned process
// (package/testing/cli-runs-harness.ts, spawned by its path: nothing here imports package/), each with exactly
// its own environment, each answering its exit code and what it printed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../files.ts';

export interface CliRun {
  args: string[];
  /** Its whole environment, beside PATH and NODE_OPTIONS (the clock pass's preload). */
  env?: Record<string, string>;
}

export interface CliRan {
  code: number;
  stdout: string;
  stderr: string;
}

/** Each of `runs`, in order, in one Node process: what each would have printed and exited with on its own. */
export function cliRuns(runs: readonly CliRun[]): Promise<CliRan[]> {
  const child = spawn(process.execPath, [join(ROOT, 'package/testing/cli-runs-harness.ts')], {
    env: { PATH: process.env['PATH'], NODE_OPTIONS: process.env['NODE_OPTIONS'], CLI_RUNS: JSON.stringify(runs) },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      const lines = stdout.trim().split('\n').filter(Boolean);
      if (code !== 0 || lines.length !== runs.length)
        reject(new Error(`package/testing/cli-runs-harness.ts exited ${code} after ${lines.length} of ${runs.length} runs: ${stderr}`));
      else resolve(lines.map((line) => JSON.parse(line) as CliRan));
    }),
  );
}
