// The verdict a CI reads, through the real user path (`payjp-v2-contract verify`, package/cli.ts): each row of
// the README's table of outcomes (contract-tests/README.md, "Exit codes") against fake servers that a staging
// URL may turn out to be (fake/hostile.ts), and the reports each leaves, read as a CI would publish them. The
// usage errors run together in one process (package/testing/cli-runs.ts), one of them also on its own.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContract } from '../contract-core/contract.ts';
import { ROOT } from '../contract-core/files.ts';
import { xmlElements, xmlError } from '../contract-core/testing/strict-xml.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { type FakeServer, HOSTILE_CODE, deadUrl, hostileServer, htmlOnlyServer, hugeServer, silentServer } from './fake/hostile.ts';
import type { CaseResult } from './lib/result.ts';
import { inShard, type Shard } from './lib/shard.ts';
import { SCENARIOS } from './lib/suite.ts';
import { type CliRan, cliRuns } from '../contract-core/testing/cli-runs.ts';

const KEY = ['sk', 'test', 'exitCodes0000'].join('_');
/** A remote target paced for a server on this machine, and a few parts of the suite: the first holds a scenario. */
const QUICK = ['--rate', '1000', '--concurrency', '16', '--shard', '1/30'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** `payjp-v2-contract verify …` as a CI runs it: a child process, this test's servers answering meanwhile. */
function verify(args: string[], env: Record<string, string> = { PAYJP_SECRET_KEY: KEY }): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'package/cli.ts'), 'verify', ...args], {
    // NODE_OPTIONS carries the clock pass's clock (tests/support/clock-pass.ts) into the CLI.
    env: { PATH: process.env['PATH'], NODE_OPTIONS: process.env['NODE_OPTIONS'], ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started })));
}

const dirs: string[] = [];
const outputDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'contract-exit-codes-'));
  dirs.push(dir);
  return dir;
};
const reports = (dir: string) => ({
  markdown: readFileSync(join(dir, 'contract-summary.md'), 'utf8'),
  junit: readFileSync(join(dir, 'contract-junit.xml'), 'utf8'),
  json: readFileSync(join(dir, 'contract-results.json'), 'utf8'),
});
const FILE_REPORTS = ['--reporter', 'markdown', '--reporter', 'junit', '--reporter', 'json'];
const ALL_REPORTS = ['--reporter', 'console', ...FILE_REPORTS];

const servers: FakeServer[] = [];
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
  await Promise.all(servers.map((server) => server.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const started = async (server: Promise<FakeServer>): Promise<FakeServer> => {
  servers.push(await server);
  return servers.at(-1)!;
};

/** Every case of an infrastructure run: none a violation, and each scenario step after the first failure skipped naming it. */
function expectInfrastructureOnly(dir: string): CaseResult[] {
  const { markdown, junit, json } = reports(dir);
  const results = JSON.parse(json) as CaseResult[];
  expect(markdown).toMatch(/## Contract violations\n\nNone\./);
  expect(markdown).not.toContain('no value for path parameter');
  expect(results.filter((r) => r.violations.length > 0 || r.failures.length > 0)).toEqual([]);
  expect(xmlError(junit)).toBeUndefined();
  expect(junit).not.toContain('<failure');
  const scenario = results.filter((r) => r.name.startsWith(`${SCENARIOS[0]!.name} › `));
  expect(scenario[0]!.infrastructure).not.toEqual([]);
  for (const step of scenario.slice(1)) {
    expect([step.name, step.mode, step.note]).toEqual([
      step.name,
      'skipped',
      `not run: it depends on the earlier step "${scenario[0]!.name}", which failed for infrastructure`,
    ]);
  }
  return results;
}

describe('conforming: exit 0', () => {
  test('a sandbox given by URL alone is known as one: its seeded card, the local pace, and a pass', async () => {
    // The shard that holds the v1 card's operation, which only the sandbox's seeded ID can run.
    const all = [...SCENARIOS.map((s) => s.name), ...loadContract().operations.map((op) => op.operationId)];
    const count = 8;
    const shard: Shard = { index: (all.indexOf('getPaymentMethodByCard') % count) + 1, count };
    expect(inShard(all, shard)).toContain('getPaymentMethodByCard');
    const dir = outputDir();
    const run = await verify(['--base-url', sandbox.url, '--shard', `${shard.index}/${count}`, '--reporter', 'json', '--output-dir', dir]);
    expect([run.code, run.stderr]).toEqual([
      0,
      expect.stringContaining(`${sandbox.url} says it is this package's sandbox: verified as a sandbox (its seeded IDs), 200/s, 8 in flight`),
    ]);
    const card = (JSON.parse(readFileSync(join(dir, 'contract-results.json'), 'utf8')) as CaseResult[]).filter(
      (r) => r.operationId === 'getPaymentMethodByCard' && r.expectedStatus === 200,
    );
    expect(card.map((r) => [r.mode, r.status, r.missingPrecondition])).toEqual([['live', 200, undefined]]);
  });
});

describe('contract violations: exit 1', () => {
  test('a server answering hostile JSON: exit 1, and every report safe to publish', async () => {
    const hostile = await started(hostileServer());
    const dir = outputDir();
    const run = await verify([...QUICK, '--base-url', hostile.url, ...ALL_REPORTS, '--output-dir', dir]);
    expect(run.code).toBe(1);
    const { markdown, junit, json } = reports(dir);
    // JUnit: well-formed XML 1.0 (saxes, strict), the controls shown as escapes.
    expect(xmlError(junit)).toBeUndefined();
    expect(xmlElements(junit).some((element) => element.text.includes('\\u{1b}[2J'))).toBe(true);
    // Markdown: nothing the server sent starts a line, opens HTML or shows an image.
    expect(markdown.split('\n').filter((line) => /^#/.test(line) && !/^#{1,2} [A-Z]/.test(line))).toEqual([]);
    expect(markdown).not.toMatch(/(?<!\\)<(script|img)|(?<!\\)!(\\)?\[x/);
    expect(markdown).toContain('nope # H1 owned \\<script\\>');
    // No terminal control byte reaches the console, and no more than an excerpt of the server's 2 MB field.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what must not be printed
    expect(run.stdout + run.stderr).not.toMatch(/[\u0000\u0007\u001b\ufffe]/);
    expect(run.stdout.length).toBeLessThan(200_000);
    for (const file of readdirSync(dir)) expect(statSync(join(dir, file)).size, file).toBeLessThan(1_000_000);
    // The key, echoed by the server as an object key, reaches no report.
    for (const text of [markdown, junit, json, run.stdout, run.stderr]) expect(text).not.toContain(KEY);
    expect(json).toContain('sk_test_[REDACTED]');
    expect(HOSTILE_CODE).toContain('\n# H1');
  });
});

describe('infrastructure: exit 2, never 1', () => {
  test('nothing listening', async () => {
    const dir = outputDir();
    const run = await verify([...QUICK, '--base-url', await deadUrl(), ...ALL_REPORTS, '--output-dir', dir]);
    expect(run.code).toBe(2);
    expect(expectInfrastructureOnly(dir).flatMap((r) => r.infrastructure.map((f) => f.kind))).toContain('connection-refused');
  });

  test('a server that never answers (--timeout)', async () => {
    const silent = await started(silentServer());
    const dir = outputDir();
    const run = await verify([...QUICK, '--timeout', '300', '--base-url', silent.url, ...FILE_REPORTS, '--output-dir', dir]);
    expect(run.code).toBe(2);
    expect(expectInfrastructureOnly(dir).flatMap((r) => r.infrastructure.map((f) => f.kind))).toContain('timeout');
  });

  test('an edge answering only HTML 502 pages: no status mismatch, set-ups failed for infrastructure, steps skipped naming the one they needed', async () => {
    const edge = await started(htmlOnlyServer());
    const dir = outputDir();
    const run = await verify([...QUICK, '--base-url', edge.url, ...ALL_REPORTS, '--output-dir', dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('infrastructure failures or missing preconditions');
    const results = expectInfrastructureOnly(dir);
    // An undocumented 502 is a gateway's; where an operation documents 502, the page is still no JSON.
    expect(new Set(results.flatMap((r) => r.infrastructure.map((f) => f.kind)))).toEqual(new Set(['gateway-status', 'non-json-body']));
  });

  test('answers larger than --max-body-bytes are not read on', async () => {
    const huge = await started(hugeServer(4 * 2 ** 20));
    const dir = outputDir();
    const run = await verify([...QUICK, '--max-body-bytes', '100000', '--base-url', huge.url, ...FILE_REPORTS, '--output-dir', dir]);
    expect(run.code).toBe(2);
    const kinds = expectInfrastructureOnly(dir).flatMap((r) => r.infrastructure.map((f) => f.kind));
    expect(new Set(kinds)).toEqual(new Set(['too-large']));
    expect(reports(dir).markdown).toContain("the answer's body is larger than 100000 bytes (CONTRACT_MAX_BODY_BYTES, --max-body-bytes): not read on");
  });
});

describe('usage errors: exit 2 before any request', () => {
  let counting: FakeServer;
  let before: number;
  /** Each case's run, all of them in one process (package/testing/cli-runs.ts): the refusals need no process of their own. */
  const ran = new Map<string, CliRan>();
  const CASES: [name: string, args: () => string[], message: string, env?: Record<string, string>][] = [
    [
      'a base URL with a user and password, not printed',
      () => ['--base-url', counting.url.replace('//', '//qa:hunter2pw@')],
      '--base-url must not carry a user name or password',
    ],
    ['--base-url= (empty)', () => ['--base-url='], '--base-url is set but empty'],
    [
      'the key to plain http off this machine (0.0.0.0)',
      () => ['--base-url', counting.url.replace('127.0.0.1', '0.0.0.0')],
      '--base-url must be https, or http on this machine',
    ],
    ['a shard with no work', () => ['--base-url', counting.url, '--shard', '200/200'], '--shard 200/200 holds no work'],
    ['a timeout no timer holds', () => ['--base-url', counting.url, '--timeout', '3000000000'], '--timeout must be at most 2147483647 ms'],
    [
      'an output directory that cannot be written',
      () => ['--base-url', counting.url, '--reporter', 'junit', '--output-dir', join(blocker(), 'reports')],
      '--output-dir: cannot write reports',
    ],
    [
      'CONTRACT_BASE_URL set but empty (an unset CI variable) does not test a local mock',
      () => [],
      'payjp-v2-contract verify: CONTRACT_BASE_URL is set but empty: give the server to verify, or leave it unset to start a local mock or sandbox (CONTRACT_TARGET)\n',
      { PAYJP_SECRET_KEY: KEY, CONTRACT_BASE_URL: '' },
    ],
    [
      'a secret key without a base URL is for no server: refused unless --target says mock or sandbox',
      () => [],
      'PAYJP_SECRET_KEY is set but CONTRACT_BASE_URL is not',
    ],
  ];
  beforeAll(async () => {
    counting = await started(hostileServer());
    before = counting.requests;
    const runs = await cliRuns(CASES.map(([, args, , env]) => ({ args: ['verify', ...args()], env: env ?? { PAYJP_SECRET_KEY: KEY } })));
    runs.forEach((run, index) => ran.set(CASES[index]![0], run));
  }, 60_000);

  test('one of them as a shell runs it: its own process, exit 2, the message on stderr', async () => {
    const run = await verify(['--base-url', counting.url, '--shard', '200/200']);
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('--shard 200/200 holds no work')]);
    expect([run.code, run.stdout, run.stderr]).toEqual([
      ran.get('a shard with no work')!.code,
      ran.get('a shard with no work')!.stdout,
      ran.get('a shard with no work')!.stderr,
    ]);
  });

  test.each(CASES.map(([name, , message]) => [name, message] as const))('%s', (name, message) => {
    const run = ran.get(name)!;
    expect([run.code, run.stderr]).toEqual([2, message.endsWith('\n') ? message : expect.stringContaining(message)]);
    expect(run.stderr).not.toContain('hunter2pw');
    expect(counting.requests).toBe(before);
  });
});

/** A file where a directory is wanted: nothing can be made under it. */
function blocker(): string {
  const file = join(outputDir(), 'a-file');
  writeFileSync(file, '');
  return file;
}
