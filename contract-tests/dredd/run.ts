// npm run test:dredd: Dredd 14, a second engine, over the same bundle and target as the vitest suite (the
// mock, started here, unless CONTRACT_BASE_URL says otherwise). Dredd reads the OpenAPI 3.1 bundle (with
// warnings, no 3.0 projection), in a copy whose parameter examples it can read (spec-copy.ts). The key is read first (target.ts: anything but a test key
// is refused before a server starts or a request leaves); the hooks take it out of each request once sent,
// and Dredd's output and JUnit report are redacted too (Dredd prints request headers). `--drift` runs it
// behind the mutation proxy once per drift class, to measure what it catches (see contract-tests/README.md).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Operation } from '../../contract-core/contract.ts';
import { redact } from '../lib/keys.ts';
import { openTarget, readTargetConfig } from '../lib/target.ts';

// The key before anything else is loaded or started (the rest is imported below, once it is accepted).
const config = readTargetConfig();
const { WRITE_METHODS } = await import('../../contract-core/conventions.ts');
const { loadContract } = await import('../../contract-core/contract.ts');
const { dreddCopy } = await import('./spec-copy.ts');
const { REPORTS } = await import('../lib/report.ts');
const { driftClasses } = await import('../mutation/classes.ts');
const { startProxy } = await import('../mutation/proxy.ts');

const DREDD = join(import.meta.dirname, '../../node_modules/.bin/dredd');
// Dredd reads a copy of the bundle with each operation's parameter examples bare (spec-copy.ts).
const SPEC = join(REPORTS, 'dredd-openapi.json');
mkdirSync(REPORTS, { recursive: true });
writeFileSync(SPEC, JSON.stringify(dreddCopy(loadContract())));
const HOOKS = join(import.meta.dirname, 'hooks.cjs');
const TITLE = /^fail: (\w+) \((\d+)\) (\S+) duration: \d+ms$/;

interface DreddRun {
  code: number;
  /** `GET (200) /v2/...: reason` per failed transaction. */
  failures: string[];
  summary: string;
}

function dredd(url: string, env: Record<string, string>, junit: string | undefined, echo: boolean): Promise<DreddRun> {
  const args = [SPEC, url, `--hookfiles=${HOOKS}`, '--loglevel=warning', '--color=false'];
  if (junit) args.push('--reporter=xunit', `--output=${junit}`);
  const child = spawn(DREDD, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const take = (chunk: Buffer): void => {
    const text = redact(chunk.toString());
    out += text;
    if (echo) process.stdout.write(text);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      if (junit) writeFileSync(junit, redact(readFileSync(junit, 'utf8')));
      // A failure is a `fail: GET (200) /path duration: 5ms` line; in the closing list it is followed by a
      // `fail: <reason>` line (then a dump of the request, which is not kept).
      const reasons = new Map<string, string[]>();
      let current: string | undefined;
      for (const line of out.split('\n').map((l) => l.trim())) {
        if (TITLE.test(line)) {
          current = line.replace(/^fail: /, '').replace(/ duration: \d+ms$/, '');
          if (!reasons.has(current)) reasons.set(current, []);
        } else if (line.startsWith('fail: ') && current) reasons.get(current)!.push(line.slice(6));
      }
      resolve({
        code: code ?? 1,
        failures: [...reasons].map(([title, why]) => `${title}${why.length ? `: ${why.join('; ')}` : ''}`),
        summary:
          out
            .split('\n')
            .find((l) => l.includes('complete:') && l.includes('total'))
            ?.trim() ?? 'no summary',
      });
    });
  });
}

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

/** Whether a Dredd failure is about the operation (`GET (200) /v2/payment_flows/pfw_…: reason`). */
function concerns(line: string, op: Operation): boolean {
  const match = /^(\w+) \((\d+)\) (\S+)/.exec(line);
  if (!match) return false;
  const pattern = new RegExp(`^${op.template.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?|$)`);
  return match[1]!.toLowerCase() === op.method && pattern.test(match[3]!);
}
