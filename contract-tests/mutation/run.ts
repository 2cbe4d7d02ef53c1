// npm run test:mutation: proves the suite catches drift. A mutating proxy sits between the suite and the
// sandbox; first nothing is changed (the suite must pass: no false alarm), then each class of drift is
// applied to one operation at a time and that operation's cases must fail at the expected pointer.
// CONTRACT_BASE_URL points the proxy at another stateful server instead of a sandbox of its own;
// PAYJP_SECRET_KEY is refused there, as everywhere, unless it is certainly a test key (keys.ts).
// `-- --corpus`: the whole mutation corpus through every engine instead (corpus-run.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Operation } from '../../contract-core/contract.ts';
import { redact } from '../lib/keys.ts';
import type { CaseResult } from '../lib/result.ts';
import type { SuiteRun } from '../lib/suite.ts';
import { readTargetConfig } from '../lib/target.ts';

// The key before anything else is loaded or started (the rest is imported below, once it is accepted).
const settings = readTargetConfig({
  ...process.env,
  CONTRACT_TARGET: 'sandbox',
  CONTRACT_RATE: process.env['CONTRACT_RATE'] || '200',
  CONTRACT_CONCURRENCY: process.env['CONTRACT_CONCURRENCY'] || '4',
});
const { loadContract } = await import('../../contract-core/contract.ts');
const { passed } = await import('../lib/result.ts');
const { REPORTS } = await import('../reporters/files.ts');
const { runStep } = await import('../lib/runner.ts');
const { failuresOf, openRun, operationCases } = await import('../lib/suite.ts');
const { driftClasses } = await import('./classes.ts');
const { startProxy } = await import('./proxy.ts');

if (process.argv.includes('--corpus')) {
  const { runCorpus } = await import('./corpus-run.ts');
  process.exitCode = await runCorpus(settings, process.argv.slice(2));
} else await quickProof();

/** The quick proof (in `npm test`): the twelve drift classes, each on one operation. */
async function quickProof(): Promise<void> {
  const contract = loadContract();
  const upstream = process.env['CONTRACT_BASE_URL']
    ? { url: process.env['CONTRACT_BASE_URL'], close: async () => {} }
    : await (await import('../../sandbox/server.ts')).startSandbox({ port: 0 });
  const proxy = await startProxy(upstream.url.replace(/\/+$/, ''), contract.operations);
  let run: SuiteRun | undefined;

  try {
    const suiteRun = await openRun({ contract, config: { ...settings, baseUrl: proxy.url } });
    run = suiteRun;
    const cases = operationCases(contract, () => suiteRun.fixtures);
    const runCases = async (op: Operation): Promise<CaseResult[]> => {
      const results: CaseResult[] = [];
      for (const step of cases.get(op.operationId) ?? []) results.push((await runStep(suiteRun, step)).result);
      return results;
    };

    const classes = driftClasses(contract).map((drift) => ({ drift, target: drift.target(contract) }));
    const targets = [...new Set(classes.map((c) => c.target).filter((t): t is Operation => typeof t !== 'string'))];
    const started = performance.now();

    // 1. No drift: the focused cases must pass, else a kill below would mean nothing.
    proxy.set(undefined, undefined);
    const falseAlarms: string[] = [];
    for (const op of targets) {
      for (const result of await runCases(op))
        if (result.mode !== 'skipped' && !passed(result)) falseAlarms.push(`${result.operationId} ${result.name}: ${failuresOf(result).join('; ')}`);
    }
    console.log(
      `conforming run over ${targets.map((t) => t.operationId).join(', ')}: ${falseAlarms.length === 0 ? 'passed (no false alarm)' : `${falseAlarms.length} FALSE ALARMS`}`,
    );
    falseAlarms.forEach((line) => console.log(`  ${redact(line)}`));

    // 2. One class of drift at a time.
    const rows: { name: string; operation: string; changed: number; killed: boolean; reported: string }[] = [];
    for (const { drift, target } of classes) {
      if (typeof target === 'string') {
        rows.push({ name: drift.name, operation: '-', changed: 0, killed: false, reported: target });
        continue;
      }
      proxy.set(target, drift.mutate);
      const results = await runCases(target);
      const expected = drift.expect;
      const hit = results.flatMap((r) =>
        'pointer' in expected
          ? r.violations.filter((v) => v.pointer === expected.pointer).map((v) => `${r.operationId} ${v.pointer}: ${v.message}`)
          : r.infrastructure.filter((f) => f.kind === expected.infrastructure).map((f) => `${r.operationId} INFRASTRUCTURE ${f.kind}: ${f.message}`),
      );
      const failed = results.filter((r) => r.mode !== 'skipped' && !passed(r)).length;
      rows.push({
        name: drift.name,
        operation: target.operationId,
        changed: proxy.mutated(),
        killed: hit.length > 0 && proxy.mutated() > 0,
        reported: hit[0] ?? (failed > 0 ? `failed ${failed} cases, but not at ${JSON.stringify(expected)}` : 'every case passed'),
      });
    }
    proxy.set(undefined, undefined);

    const killed = rows.filter((r) => r.killed).length;
    const table = [
      '| drift class | operation | answers changed | result | reported as |',
      '|---|---|---:|---|---|',
      ...rows.map((r) => `| ${r.name} | ${r.operation} | ${r.changed} | ${r.killed ? 'killed' : '**survived**'} | ${r.reported.replaceAll('|', '\\|')} |`),
    ].join('\n');
    const summary = redact(
      `# Drift mutation proof\n\nconforming run: ${falseAlarms.length === 0 ? 'passed, no false alarm' : `${falseAlarms.length} false alarms`}\n\n${table}\n\nkill rate: **${killed}/${rows.length} (${Math.round((killed / rows.length) * 100)} %)** in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
    console.log(`\n${summary}`);
    mkdirSync(REPORTS, { recursive: true });
    writeFileSync(join(REPORTS, 'mutation-summary.md'), summary);
    process.exitCode = falseAlarms.length === 0 && killed === rows.length ? 0 : 1;
  } finally {
    await run?.close();
    await proxy.close();
    await upstream.close();
  }
}
