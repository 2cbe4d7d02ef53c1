// Spawned by contract-core/testing/cli-runs.ts for the CLI's tests: several command lines of
// `payjp-v2-contract` (cli/main.ts, as ../cli.ts runs it) in one process, each with exactly its own environment
// (PATH and NODE_OPTIONS kept: the clock pass's preload), what it prints captured, and a JSON line each: its
// exit code, stdout and stderr. A list of usage errors pays one Node start and one load of the CLI, not one
// per line; the tests still spawn the CLI itself for the exit code a shell sees.
import nodeModule from 'node:module';
import type { CliRan, CliRun } from '../../contract-core/testing/cli-runs.ts';

// As ../cli.ts starts: the CLI's modules from Node's compile cache.
nodeModule.enableCompileCache();
const { main } = await import('../cli/main.ts');

const runs = JSON.parse(process.env['CLI_RUNS'] ?? '[]') as CliRun[];
if (runs.length === 0) throw new Error('usage: CLI_RUNS=<JSON list of { args, env }> node package/testing/cli-runs-harness.ts');
const kept = Object.fromEntries(['PATH', 'NODE_OPTIONS'].flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]!]])));
const { stdout, stderr } = process;
const text = (chunk: string | Uint8Array): string => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
const writes = { stdout: stdout.write, stderr: stderr.write };
const results: CliRan[] = [];

for (const run of runs) {
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, kept, run.env);
  const ran: CliRan = { code: -1, stdout: '', stderr: '' };
  stdout.write = ((chunk: string | Uint8Array) => Boolean((ran.stdout += text(chunk)))) as typeof stdout.write;
  stderr.write = ((chunk: string | Uint8Array) => Boolean((ran.stderr += text(chunk)))) as typeof stderr.write;
  try {
    ran.code = await main('payjp-v2-contract', run.args);
  } finally {
    stdout.write = writes.stdout;
    stderr.write = writes.stderr;
  }
  results.push(ran);
}
for (const ran of results) console.log(JSON.stringify(ran));
