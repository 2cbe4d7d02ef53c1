// npm run test:dredd: Dredd 14, a second engine, over the same bundle and target as the vitest suite (the
// mock, started here, unless CONTRACT_BASE_URL says otherwise). Dredd reads the OpenAPI 3.1 bundle (with
// warnings, no 3.0 projection), in a copy whose parameter examples it can read (spec-copy.ts). The key is read first (target.ts: anything but a test key
// is refused before a server starts or a request leaves); the hooks take it out of each request once sent,
// and Dredd's output and JUnit report are redacted too (Dredd prints request headers). `--drift` runs it
// behind the mutation proxy once per drift class, to measure what it catches (see contract-tests/README.md).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTarget, readTargetConfig } from '../lib/target.ts';

// The key before anything else is loaded or started (the rest is imported below, once it is accepted).
const config = readTargetConfig();
const { WRITE_METHODS } = await import('../../contract-core/conventions.ts');
const { loadContract } = await import('../../contract-core/contract.ts');
const { REPORTS } = await import('../reporters/files.ts');
const { concerns, dredd, writeDreddSpec } = await import('./spawn.ts');
const { driftClasses } = await import('../mutation/classes.ts');
const { startProxy } = await import('../mutation/proxy.ts');

writeDreddSpec(loadContract());
const target = await openTarget(config);
const env = {
  CONTRACT_DREDD_KEY: config.secretKey.reveal(),
  CONTRACT_DREDD_PREFER: target.stateful ? '0' : '1',
  CONTRACT_DREDD_WRITE_METHODS: [...WRITE_METHODS].join(','),
};
try {
  if (!process.argv.includes('--drift')) {
    const result = await dredd(target.baseUrl, env, join(REPORTS, 'dredd-junit.xml'), true);
    console.log(`\ndredd against ${target.kind}: ${result.summary}; reports/dredd-junit.xml`);
    process.exitCode = result.code;
  } else {
    // Drift classes, each behind the mutating proxy: does Dredd fail a transaction of the drifted operation?
    const contract = loadContract();
    const proxy = await startProxy(target.baseUrl, contract.operations);
    const rows: string[] = ['| drift class | operation | dredd | the failures Dredd gives for the operation |', '|---|---|---|---|'];
    try {
      proxy.set(undefined, undefined);
      const clean = await dredd(proxy.url, env, undefined, false);
      console.log(`conforming run: ${clean.summary}`);
      for (const drift of driftClasses(contract)) {
        const op = drift.target(contract);
        if (typeof op === 'string') continue;
        proxy.set(op, drift.mutate);
        const run = await dredd(proxy.url, env, undefined, false);
        const mine = run.failures.filter((f) => concerns(f, op));
        const shown = mine.map((f) => f.replaceAll('|', '\\|').slice(0, 200)).join('<br>');
        rows.push(`| ${drift.name} | ${op.operationId} | ${mine.length > 0 ? `caught (${mine.length} transactions)` : '**missed**'} | ${shown} |`);
      }
    } finally {
      await proxy.close();
    }
    const table = rows.join('\n');
    console.log(`\n${table}`);
    writeFileSync(join(REPORTS, 'dredd-drift.md'), `# Dredd against the drift classes (target: ${target.kind})\n\n${table}\n`);
  }
} finally {
  await target.close();
}
