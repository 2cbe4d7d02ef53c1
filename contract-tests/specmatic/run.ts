// npm run test:specmatic: Specmatic, a third engine no one here wrote (jar.ts), against a fresh sandbox on an
// ephemeral port.
// - default: generative tests on, with a bounded number of combinations (SPECMATIC_COMBINATIONS, default 1);
// - `-- --examples`: the spec's named examples alone, each request paired with the answer of its name (the
//   sandbox seeds every object they name);
// - `-- --drift`: the drift mutation proof through Specmatic: the examples of each drifted operation, sent
//   through the mutating proxy of contract-tests/mutation (the vitest suite's proof), class by class.
// Every failure of the first two is classified (classify.ts): the run fails on sandbox bugs and spec
// defects; tool limitations are counted and named once each. Reports: reports/specmatic/.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContract, type Operation } from '../../contract-core/contract.ts';
import { driftClasses } from '../mutation/classes.ts';
import { startProxy } from '../mutation/proxy.ts';
import { REPORTS } from '../reporters/files.ts';
import { createClassifier, type Verdict } from './classify.ts';
import { runSpecmatic, writeSpecCopy } from './jar.ts';
import { readTranscript } from './transcript.ts';

const mode = process.argv.includes('--drift') ? 'drift' : process.argv.includes('--examples') ? 'examples' : 'generative';
const combinations = Number(process.env['SPECMATIC_COMBINATIONS'] ?? 1);
if (!Number.isInteger(combinations) || combinations < 1)
  throw new Error(`SPECMATIC_COMBINATIONS must be a positive integer (got '${process.env['SPECMATIC_COMBINATIONS']}')`);
const dir = join(REPORTS, 'specmatic');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const spec = writeSpecCopy(dir);
const contract = loadContract();
const { startSandbox } = await import('../../sandbox/server.ts');
const sandbox = await startSandbox({ port: 0 });
const started = performance.now();
try {
  process.exitCode = mode === 'drift' ? await drift() : await conformance();
} finally {
  await sandbox.close();
}

/** A run over the whole spec, every failure classified; 1 on a sandbox bug or a spec defect. */
async function conformance(): Promise<number> {
  const run = await runSpecmatic(spec, {
    dir,
    baseUrl: sandbox.url,
    transcript: 'transcript.txt',
    junit: true,
    ...(mode === 'generative' ? { combinations } : {}),
  });
  const exchanges = readTranscript(run.text);
  const classify = createClassifier(contract);
  const counts = new Map<Verdict, Map<string, number>>([
    ['sandbox bug', new Map()],
    ['spec defect', new Map()],
    ['tool limitation', new Map()],
  ]);
  for (const exchange of exchanges) {
    const classified = classify(exchange);
    if (!classified) continue;
    const byWhy = counts.get(classified.verdict)!;
    byWhy.set(classified.why, (byWhy.get(classified.why) ?? 0) + 1);
  }
  // A test that failed without a request in the transcript (Specmatic could not build it) is the tool's.
  const unsent = (run.totals?.failed ?? 0) - exchanges.filter((e) => e.failed).length;
  if (unsent > 0) counts.get('tool limitation')!.set('Specmatic failed the test before sending a request (see the JUnit report)', unsent);
  const operations = new Set(exchanges.map((e) => e.scenario.split(' -> ')[0]));
  const lines = [
    `# Specmatic against a fresh sandbox (${mode === 'examples' ? 'examples, no generative tests' : `generative, ${combinations} combination(s) per request`})`,
    '',
    `Specmatic exit status ${run.code}; tests run ${run.totals?.run ?? '?'}, passed ${run.totals?.passed ?? '?'}, failed ${run.totals?.failed ?? '?'}; operations tested ${operations.size}/${contract.operations.length}; ${seconds()} s.`,
    '',
  ];
  for (const [verdict, byWhy] of counts) {
    const total = [...byWhy.values()].reduce((a, b) => a + b, 0);
    lines.push(`## ${verdict}: ${total}`, '');
    for (const [why, n] of [...byWhy].sort((a, b) => b[1] - a[1])) lines.push(`- ${n} × ${why}`);
    lines.push('');
  }
  report('summary.md', lines);
  const blocking = [...counts.get('sandbox bug')!.values(), ...counts.get('spec defect')!.values()].reduce((a, b) => a + b, 0);
  if (!run.totals) console.log('Specmatic printed no totals: see reports/specmatic/transcript.txt');
  return blocking > 0 || !run.totals ? 1 : 0;
}

/**
 * The drift classes through Specmatic: a conforming run first (every example of the drifted operations must
 * pass), then one class at a time; a class is caught when a test of its operation fails. 1 on a false alarm
 * (a miss is a finding about the engine, not a failure of this run).
 */
async function drift(): Promise<number> {
  const proxy = await startProxy(sandbox.url, contract.operations);
  const filter = (op: Operation): string => `METHOD='${op.method.toUpperCase()}' && PATH='${op.template}'`;
  const failures = async (op: Operation, name: string): Promise<string[]> => {
    const run = await runSpecmatic(spec, { dir, baseUrl: proxy.url, transcript: `drift-${name}.txt`, filter: filter(op) });
    if (!run.totals || run.totals.run === 0) throw new Error(`Specmatic ran no test of ${op.operationId} (reports/specmatic/drift-${name}.txt)`);
    return readTranscript(run.text)
      .filter((e) => e.failed)
      .map((e) => `${e.status}: ${reasonOf(e.reason)}`);
  };
  try {
    const classes = driftClasses(contract).map((c) => ({ drift: c, target: c.target(contract) }));
    const targets = [...new Set(classes.map((c) => c.target).filter((t): t is Operation => typeof t !== 'string'))];
    proxy.set(undefined, undefined);
    const falseAlarms = (await Promise.all(targets.map((op) => failures(op, `conforming-${op.operationId}`)))).flat();
    const rows = ['| drift class | operation | Specmatic | what Specmatic reports |', '|---|---|---|---|'];
    for (const [index, { drift: c, target }] of classes.entries()) {
      if (typeof target === 'string') {
        rows.push(`| ${c.name} | – | not run | ${target} |`);
        continue;
      }
      proxy.set(target, c.mutate);
      const found = await failures(target, String(index + 1));
      rows.push(
        `| ${c.name} | ${target.operationId} | ${found.length > 0 ? 'caught' : '**missed**'} | ${[...new Set(found)].join('<br>').replaceAll('|', '\\|').slice(0, 300)} |`,
      );
    }
    const caught = rows.filter((row) => row.includes('| caught |')).length;
    report('drift.md', [
      '# Specmatic against the drift classes (examples, through the mutating proxy)',
      '',
      `conforming run over ${targets.map((t) => t.operationId).join(', ')}: ${falseAlarms.length === 0 ? 'passed (no false alarm)' : `FALSE ALARMS: ${falseAlarms.join('; ')}`}`,
      '',
      ...rows,
      '',
      `caught ${caught}/${classes.length}; ${seconds()} s.`,
    ]);
    return falseAlarms.length > 0 ? 1 : 0;
  } finally {
    await proxy.close();
  }
}

/** The gist of Specmatic's reason for a failure: its last line (`Specification expected status 200 but …`). */
function reasonOf(reason: string): string {
  const lines = reason
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.at(-1) ?? reason;
}

function seconds(): string {
  return ((performance.now() - started) / 1000).toFixed(0);
}

function report(file: string, lines: string[]): void {
  const text = lines.join('\n');
  writeFileSync(join(dir, file), `${text}\n`);
  console.log(text);
}
