// The package as a user outside this repository gets it: `npm pack`, two empty projects that install the tarball
// offline (package/testing/consumer-project.ts) on the oldest Node the package claims, one without Prism (the
// mock's optional peer) and one with it, both measured; then: the CLI's sandbox verified by the CLI's verify
// (65/65 operations, the JUnit read), a server that breaks the contract (exit 1 with the violation in the
// report), the typed client type-checked (and a module that must not compile), the validator and the catalog
// imported from plain JavaScript, the mock (one line naming the install without Prism; served with it), the
// webhook tools (a plain-JavaScript receiver with verifyWebhook, judged by the CLI's receiver check; an event
// triggered on the CLI's sandbox and delivered to it), the README's first hour run as written, every example of
// every --help and of the README run, the README's links resolved in the tarball, and the CLI on Node 20. The
// tarball's size and file list are printed.
import { EXAMPLE_OBJECTS } from '../contract-core/example-objects.ts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../contract-core/files.ts';
import { loadContract } from '../contract-core/contract.ts';
import { driftClasses } from '../contract-tests/mutation/classes.ts';
import { startProxy, type Proxy as MutatingProxy } from '../contract-tests/mutation/proxy.ts';
import { SCENARIOS } from '../contract-tests/lib/suite.ts';
import { siteOnce } from '../docs/lib/site.ts';
import { DIST, NODE_FLOOR, PROGRAM, buildPackage } from './build.ts';
import { NODE_FLOOR as FLOOR } from './node-floor.ts';
import { type PackageManifest, reachable, writeConsumerProject } from './testing/consumer-project.ts';
import { cliLines, firstHourFiles, relativeLinks } from './testing/readme-files.ts';
import { startReceiver, until, type TestReceiver } from '../contract-core/testing/webhook-receiver.ts';

/** The oldest Node the package claims (NODE_FLOOR): the repository's own Node 24 on these machines, or CONSUMER_NODE. */
const OLDEST_NODE = process.env['CONSUMER_NODE'] ?? process.execPath;
const KEY = 'sk_test_consumerProject1';
const WEBHOOK_TOKEN = 'whook_consumer_project';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A Node below the package's floor, to run the CLI on: the machine's own (v20). */
const OLD_NODE = process.env['CONSUMER_OLD_NODE'] ?? '/usr/bin/node';

const work = mkdtempSync(join(tmpdir(), 'contract-consumer-'));
/** The package alone, without Prism. */
const project = join(work, 'project');
/** The package and Prism, for the mock. */
const mocking = join(work, 'mocking');
const started: ChildProcess[] = [];
/** The oldest Node's directory first: npm's scripts and `node` in the project run on it. */
const oldestEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${dirname(OLDEST_NODE)}:${process.env['PATH']}`,
  NO_COLOR: '1',
  ...extra,
});

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? project, env: options.env ?? oldestEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const cli = (args: string[], env: NodeJS.ProcessEnv = {}, node = OLDEST_NODE, cwd = project): Promise<Ran> =>
  run(node, [join(cwd, 'node_modules/.bin', PROGRAM), ...args], { cwd, env: oldestEnv(env) });

/** Starts a server command of the CLI and waits for the URL it prints. */
const serve = (args: string[], cwd = project, env: NodeJS.ProcessEnv = {}) => start([join(cwd, 'node_modules/.bin', PROGRAM), ...args], env, cwd);

/** Starts a server (a script in the project, or the CLI) on the oldest Node and waits for the URL it prints. */
async function start(args: string[], env: NodeJS.ProcessEnv = {}, cwd = project): Promise<{ url: string; child: ChildProcess; stdout: () => string }> {
  const child = spawn(OLDEST_NODE, args, { cwd, env: oldestEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let seen = '';
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    // Loading Prism took over 30 s on the 2-core machine under a load of 18.
    const timer = setTimeout(() => reject(new Error(`${args[0]} printed no URL within 90 s: ${seen}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      // The URL whole (a receiver's has a path): up to the space or line end after it.
      const found = /http:\/\/127\.0\.0\.1:\d+\S*(?=\s)/.exec(seen);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited ${code}: ${seen}`)));
  });
  return { url, child, stdout: () => stdout };
}

/**
 * tsc on one consumer file, in the project (the user's TypeScript and Node types; the package's declarations).
 * skipLibCheck as most projects set it: the declarations are the repository's checked code, and a type that
 * failed to resolve would turn to `any` and let handles-impossible-code.ts and uses-client.ts's
 * @ts-expect-error pass, which they do not.
 */
function typecheck(files: string[], dir = project): string {
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        noEmit: true,
        allowImportingTsExtensions: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules/@types')],
      },
      files,
    }),
  );
  const result = spawnSync(OLDEST_NODE, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], {
    cwd: dir,
    encoding: 'utf8',
  });
  return `${result.stdout}${result.stderr}`;
}

const elapsed = performance.now();
let manifest: PackageManifest;
let packedFiles: string[] = [];
/** Each install: packages in its lockfile, bytes in node_modules, seconds. */
const installs: Record<'project' | 'mocking', { packages: number; bytes: number; seconds: number }> = {
  project: { packages: 0, bytes: 0, seconds: 0 },
  mocking: { packages: 0, bytes: 0, seconds: 0 },
};

const bytesIn = (dir: string): number =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, file) => {
    const stat = statSync(join(dir, file), { throwIfNoEntry: false });
    return sum + (stat?.isFile() ? stat.size : 0);
  }, 0);

async function install(dir: string, tarball: string, also: Record<string, string> = {}): Promise<void> {
  mkdirSync(dir);
  writeConsumerProject(dir, tarball, manifest, also);
  const started = performance.now();
  const installed = await run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    env: oldestEnv({ npm_config_update_notifier: 'false' }),
  });
  expect(installed.code, `${installed.stdout}${installed.stderr}`).toBe(0);
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  installs[dir === project ? 'project' : 'mocking'] = {
    packages: Object.keys(lock.packages).filter((path) => path !== '').length,
    bytes: bytesIn(join(dir, 'node_modules')),
    seconds: (performance.now() - started) / 1000,
  };
}

beforeAll(async () => {
  const version = spawnSync(OLDEST_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const [floorMajor, floorMinor] = /(\d+)\.(\d+)/.exec(NODE_FLOOR)!.slice(1).map(Number);
  const [major, minor] = version.slice(1).split('.').map(Number);
  if (major !== floorMajor || minor! < floorMinor!)
    throw new Error(
      `the consumer test runs on the package's oldest Node (${NODE_FLOOR}): ${OLDEST_NODE} is ${version || 'missing'}; set CONSUMER_NODE to a Node ${floorMajor}.${floorMinor} or later ${floorMajor}.x`,
    );
  // The package carries the docs site: the one `npm run docs` built, shared with docs/site.test.ts.
  await siteOnce();
  buildPackage(() => {});
  manifest = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8')) as typeof manifest;
  const packed = await run('npm', ['pack', DIST, '--json', '--pack-destination', work], { cwd: work, env: oldestEnv() });
  expect(packed.code, packed.stderr).toBe(0);
  const [{ filename, size, unpackedSize, files }] = JSON.parse(packed.stdout) as [
    { filename: string; size: number; unpackedSize: number; files: { path: string; size: number }[] },
  ];
  console.log(
    `${filename}: ${(size / 1024).toFixed(0)} KiB packed, ${(unpackedSize / 1024).toFixed(0)} KiB unpacked, ${files.length} files:\n${files.map((f) => `  ${String(f.size).padStart(9)}  ${f.path}`).join('\n')}`,
  );
  packedFiles = files.map((file) => file.path);
  await Promise.all([install(project, join(work, filename)), install(mocking, join(work, filename), manifest.peerDependencies)]);
  const shown = (name: 'project' | 'mocking') =>
    `${installs[name].packages} packages, ${(installs[name].bytes / 1e6).toFixed(0)} MB, ${installs[name].seconds.toFixed(0)} s (the two at once, offline)`;
  console.log(`installed without Prism: ${shown('project')}; with Prism: ${shown('mocking')}`);
}, 300_000);

afterAll(() => {
  for (const child of started) child.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
  console.log(
    `consumer test: ${((performance.now() - elapsed) / 1000).toFixed(1)} s on Node ${spawnSync(OLDEST_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()}`,
  );
});

describe('the package, installed offline into an empty project', () => {
  test("holds the runtime dependencies and none of the repository's tools", () => {
    expect(manifest.engines).toEqual({ node: NODE_FLOOR });
    expect(manifest).not.toHaveProperty('devDependencies');
    expect(manifest).not.toHaveProperty('optionalDependencies');
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      optionalDependencies: Record<string, string>;
    };
    const needed = new Set(Object.keys(reachable(manifest.dependencies)).map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)));
    const tools = [...Object.keys(root.devDependencies), ...Object.keys(root.optionalDependencies)].filter((name) => !needed.has(name));
    expect(tools.filter((name) => existsSync(join(project, 'node_modules', name)))).toEqual([]);
    expect(tools).toEqual(expect.arrayContaining(['vitest', 'dredd', 'playwright-core', '@redocly/cli', 'typescript', '@stoplight/prism-cli']));
  });

  test('Prism is an optional peer: installed only where asked for, a fraction of the install without it', () => {
    const prism = ['@stoplight/prism-core', '@stoplight/prism-http', '@stoplight/prism-http-server'];
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual(prism);
    expect(Object.values(manifest.peerDependenciesMeta)).toEqual(prism.map(() => ({ optional: true })));
    expect(prism.filter((name) => name in manifest.dependencies)).toEqual([]);
    expect(existsSync(join(project, 'node_modules/@stoplight'))).toBe(false);
    expect(prism.every((name) => existsSync(join(mocking, 'node_modules', name)))).toBe(true);
    // The README's table: 11 packages and 18 MB (with verify's fast-check and xmlbuilder2) against 163 and 77 MB.
    expect(installs.project.packages).toBeLessThan(installs.mocking.packages / 5);
    expect(installs.project.bytes).toBeLessThan(installs.mocking.bytes / 3);
  });

  test('without Prism, the mock says in one line what to install', async () => {
    const command = `npm install --save-dev ${Object.entries(manifest.peerDependencies)
      .map(([name, version]) => `${name}@${version}`)
      .join(' ')}`;
    const imported = await run(OLDEST_NODE, ['-e', "import('payjp-v2-contract/mock').catch((error) => { console.error(error.message); process.exit(1); })"]);
    expect([imported.code, imported.stderr]).toEqual([1, `the mock needs Prism, an optional peer dependency that is not installed: ${command}\n`]);
    const served = await cli(['mock', '--port', '0']);
    expect([served.code, served.stderr]).toEqual([2, `${PROGRAM} mock: the mock needs Prism, an optional peer dependency that is not installed: ${command}\n`]);
  });

  test('on Node 20 every command, --help included, prints one line naming the Node floor and how to get it', async () => {
    const version = spawnSync(OLD_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
    expect(version, `${OLD_NODE} must be a Node below the floor (CONSUMER_OLD_NODE names another)`).toMatch(/^v(?:1\d|2[0-3])\./);
    const line = `${PROGRAM} needs Node >= ${FLOOR.major}.${FLOOR.minor} (this is Node ${version.slice(1)}): install it from https://nodejs.org, or into this project with \`npm install --save-dev node@${FLOOR.major}\` (npx and npm scripts then run on it)\n`;
    expect(await cli(['--help'], {}, OLD_NODE)).toEqual({ code: 0, stdout: line, stderr: '' });
    expect(await cli(['sandbox', '--help'], {}, OLD_NODE)).toEqual({ code: 0, stdout: line, stderr: '' });
    expect(await cli(['sandbox', '--port', '0'], {}, OLD_NODE)).toEqual({ code: 2, stdout: '', stderr: line });
  });

  test('the READMEs in the tarball link only to files in it', () => {
    const readmes = packedFiles.filter((file) => /(^|\/)README[^/]*\.md$/i.test(file));
    expect(readmes).toContain('README.md');
    const dead = readmes.flatMap((readme) =>
      relativeLinks(readFileSync(join(project, 'node_modules', manifest.name, readme), 'utf8'))
        .map((target) => posix.normalize(posix.join(posix.dirname(readme), target)))
        .filter((target) => !packedFiles.includes(target) && !packedFiles.some((file) => file.startsWith(`${target.replace(/\/$/, '')}/`)))
        .map((target) => `${readme} → ${target}`),
    );
    expect(dead).toEqual([]);
  });

  test('the CLI: --version, --help on every command, exit 2 on a usage error', async () => {
    expect((await cli(['--version'])).stdout.trim()).toBe(manifest.version);
    for (const command of ['mock', 'sandbox', 'verify', 'docs', 'webhooks-check', 'trigger']) {
      const help = await cli([command, '--help']);
      expect(help.code, help.stderr).toBe(0);
      expect(help.stdout).toContain(`Usage: ${PROGRAM} ${command}`);
    }
    const wrong = await cli(['verify', '--shard', '5/4']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--shard must be i/n with 1 <= i <= n');
    expect((await cli(['deploy'])).code).toBe(2);
  }, 60_000);

  test('the webhook tools refuse a live key, a remote http sandbox and a URL that is not http(s) before sending anything', async () => {
    const listening = await startReceiver();
    try {
      const live = await cli(['trigger', 'payment_flow.succeeded', '--base-url', listening.url.replace(/\/webhooks$/, '')], {
        PAYJP_SECRET_KEY: 'sk_live_consumer1',
      });
      expect([live.code, live.stderr.trim()]).toEqual([2, `${PROGRAM} trigger: the key must be a test secret key (sk_test_…); nothing was sent`]);
      const remote = await cli(['trigger', 'payment_flow.succeeded', '--base-url', 'http://192.0.2.1:4020']);
      expect([remote.code, remote.stderr]).toEqual([2, expect.stringContaining('--base-url must be https, or http on this machine')]);
      const file = await cli(['webhooks-check', '--url', 'file:///etc/passwd'], { PAYJP_WEBHOOK_TOKEN: WEBHOOK_TOKEN });
      expect([file.code, file.stderr]).toEqual([2, expect.stringContaining('--url must be an http or https URL')]);
      const tokenless = await cli(['webhooks-check', '--url', listening.url]);
      expect([tokenless.code, tokenless.stderr.trim()]).toEqual([
        2,
        `${PROGRAM} webhooks-check: give the webhook token your receiver checks (--token or PAYJP_WEBHOOK_TOKEN)`,
      ]);
      expect(listening.received).toEqual([]);
    } finally {
      await listening.close();
    }
  }, 60_000);

  test("verify passes against the CLI's sandbox: 65/65 operations, the JUnit report without a failure", async () => {
    const sandbox = await serve(['sandbox', '--port', '0']);
    // As staging is verified (a remote target), held to the inferred rules too (--strict); the card a v1 request
    // made is the one the sandbox seeds (README, "IDs no request can create").
    const verified = await cli(
      [
        'verify',
        '--base-url',
        sandbox.url,
        '--strict',
        '--rate',
        '200',
        '--concurrency',
        '8',
        '--reporter',
        'console',
        '--reporter',
        'junit',
        '--output-dir',
        'reports',
      ],
      { PAYJP_SECRET_KEY: KEY, CONTRACT_ID_CARD_ID: EXAMPLE_OBJECTS.v1Card },
    );
    expect(verified.code, `${verified.stdout.slice(-3000)}${verified.stderr.slice(-2000)}`).toBe(0);
    expect(verified.stdout).toContain(`operations exercised: ${loadContract().operations.length}/${loadContract().operations.length}`);
    const junit = readFileSync(join(project, 'reports/contract-junit.xml'), 'utf8');
    expect(junit.match(/<testsuite /g)).toHaveLength(loadContract().operations.length);
    expect(junit).not.toMatch(/<failure|<error/);
    expect(junit.match(/<testcase /g)).toHaveLength(Number(/ cases (\d+),/.exec(verified.stdout)?.[1]));
    expect(verified.stderr).toMatch(/verify \d+\/\d+ /);
    expect(`${verified.stdout}${verified.stderr}`).not.toContain(KEY);
  }, 120_000);

  test('verify exits 1 against a server that breaks the contract, with the violation in the report', async () => {
    const sandbox = await serve(['sandbox', '--port', '0']);
    const contract = loadContract();
    const drift = driftClasses(contract).find((candidate) => candidate.name === 'drop a required field')!;
    const target = drift.target(contract);
    if (typeof target === 'string') throw new Error(target);
    let proxy: MutatingProxy | undefined;
    try {
      proxy = await startProxy(sandbox.url, contract.operations);
      proxy.set(target, drift.mutate);
      // Only the shard holding the drifted operation (units: the scenarios, then the operations).
      const count = 10;
      const shard = ((SCENARIOS.length + contract.operations.indexOf(target)) % count) + 1;
      const verified = await cli(
        [
          'verify',
          '--base-url',
          proxy.url,
          '--target',
          'sandbox',
          '--shard',
          `${shard}/${count}`,
          '--rate',
          '200',
          '--concurrency',
          '8',
          '--reporter',
          'junit',
          '--reporter',
          'console',
        ],
        { PAYJP_SECRET_KEY: KEY, CONTRACT_REPORTS_DIR: 'broken' },
      );
      expect(verified.code, verified.stderr).toBe(1);
      expect(verified.stdout).toContain(`${target.operationId}: 200 success`);
      const junit = readFileSync(join(project, 'broken/contract-junit.xml'), 'utf8');
      expect(junit).toContain(`<failure type="contract" message="${'pointer' in drift.expect ? drift.expect.pointer : ''}: required property`);
    } finally {
      await proxy?.close();
    }
  }, 120_000);

  test('modules using the typed client and the webhooks entry point type-check; one handling a code the operation cannot answer does not', () => {
    const files = ['uses-client.ts', 'uses-webhooks.ts', 'handles-impossible-code.ts'];
    for (const file of files) copyFileSync(join(ROOT, 'package/consumer', file), join(project, file));
    // One tsc run over all: every error must be the one expected, in the module that must not compile.
    const errors = typecheck(files).trim().split('\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^handles-impossible-code\.ts\(\d+,\d+\): error TS2367: .*'"already_refunded"' have no overlap/);
  }, 120_000);

  test('plain JavaScript imports the validator, the catalog and the bundle', async () => {
    copyFileSync(join(ROOT, 'package/consumer/plain.mjs'), join(project, 'plain.mjs'));
    const ran = await run(OLDEST_NODE, ['plain.mjs']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual({
      conforming: true,
      broken: ["/email: required property 'email' is missing"],
      cardDeclined: 402,
      confirmCodes: expect.any(Number),
      declinedIsConfirms: true,
      declinedIsCreateCustomers: false,
      operations: loadContract().operations.length,
    });
    // Its schemas (the validator's, the webhooks') were compiled when the package was packed: loaded from
    // there, none compiled or cached here.
    expect(packedFiles.filter((file) => /^generated\/compiled-schemas-[0-9a-f]{32}\.cjs$/.test(file))).toHaveLength(2);
    expect(existsSync(join(project, 'node_modules/.cache/payjp-v2-contract'))).toBe(false);
  }, 60_000);

  test("with Prism, the mock serves the examples (its refusal below Prism's Node floor: mock/node-floor.test.ts)", async () => {
    const mock = await serve(['mock', '--port', '0', '--quiet'], mocking);
    const answer = await fetch(`${mock.url}/v2/customers/cus_1`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { object: string }).object).toBe('customer');
  }, 60_000);

  test("the CLI's receiver check passes a plain-JavaScript receiver using verifyWebhook (exit 0), fails one that takes anything (exit 1)", async () => {
    copyFileSync(join(ROOT, 'package/consumer/webhook-receiver.mjs'), join(project, 'webhook-receiver.mjs'));
    const receiver = await start(['webhook-receiver.mjs'], { PAYJP_WEBHOOK_TOKEN: WEBHOOK_TOKEN });
    const passed = await cli(['webhooks-check', '--url', receiver.url, '--timeout-ms', '5000'], { PAYJP_WEBHOOK_TOKEN: WEBHOOK_TOKEN });
    expect(passed.code, `${passed.stdout}${passed.stderr}`).toBe(0);
    expect(passed.stdout).toContain('The receiver acknowledges every event in time and refuses requests without its token.');
    expect(passed.stdout).toMatch(/\| wrong token \| 4xx \| 401 \| \d+ \| ok \|/);
    expect(passed.stderr).toContain('webhooks-check 11/11 no token: 401');
    // What it accepted: the seven documented events, the duplicate and the unknown type, each checked by the spec.
    const accepted = receiver
      .stdout()
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => JSON.parse(line) as { type: string; known: boolean; amount: number | null });
    expect(accepted).toHaveLength(9);
    expect(accepted.filter((event) => !event.known).map((event) => event.type)).toEqual(['receiver_check.unknown_type']);
    expect(accepted[0]).toMatchObject({ type: 'payment_flow.succeeded', known: true, amount: expect.any(Number) });

    const careless: TestReceiver = await startReceiver(() => 200);
    try {
      // The token from its flag this time (it wins over the variable).
      const failed = await cli(['webhooks-check', '--url', careless.url, '--token', WEBHOOK_TOKEN], { PAYJP_WEBHOOK_TOKEN: 'whook_other' });
      expect(failed.code, failed.stderr).toBe(1);
      expect(failed.stdout).toContain('The receiver failed some checks (above).');
      expect(failed.stdout.match(/FAIL: answered 200: a request without your token must be refused/g)).toHaveLength(2);
      expect(careless.received[0]!.headers['x-payjp-webhook-token']).toBe(WEBHOOK_TOKEN);
    } finally {
      await careless.close();
    }
  }, 60_000);

  test("trigger makes the CLI's sandbox emit an event, delivered to the receiver, which verifies it", async () => {
    const receiver = await start(['webhook-receiver.mjs'], { PAYJP_WEBHOOK_TOKEN: WEBHOOK_TOKEN });
    const sandbox = await serve(['sandbox', '--port', '0', '--webhook-url', receiver.url, '--webhook-token', WEBHOOK_TOKEN]);
    const triggered = await cli(['trigger', 'payment_flow.succeeded', '--base-url', sandbox.url], { PAYJP_SECRET_KEY: KEY });
    expect(triggered.code, triggered.stderr).toBe(0);
    const eventId = triggered.stdout.trim();
    expect(eventId).toMatch(/^evnt_\w+$/);
    await until(`${eventId} at the receiver`, () => receiver.stdout().includes(eventId));
    const line = receiver
      .stdout()
      .split('\n')
      .find((text) => text.includes(eventId))!;
    expect(JSON.parse(line)).toEqual({ id: eventId, type: 'payment_flow.succeeded', known: true, amount: 1000 });
  }, 60_000);

  test("the README's first hour, written as it says into the project with Prism: type-checks and passes", async () => {
    const files = firstHourFiles(readFileSync(join(mocking, 'node_modules', manifest.name, 'README.md'), 'utf8'));
    expect([...files.keys()]).toEqual(['vitest.config.ts', 'payjp.setup.ts', 'checkout.ts', 'checkout.test.ts', 'webhooks.test.ts', 'mock.test.ts']);
    for (const [name, text] of files) writeFileSync(join(mocking, name), text);
    // The user's vitest: this repository's, as if installed beside the package.
    symlinkSync(join(ROOT, 'node_modules/vitest'), join(mocking, 'node_modules/vitest'));
    expect(typecheck([...files.keys()], mocking)).toBe('');
    const ran = await run(OLDEST_NODE, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', mocking], { cwd: mocking });
    expect(ran.code, `${ran.stdout.slice(-3000)}${ran.stderr.slice(-2000)}`).toBe(0);
    expect(ran.stdout).toMatch(/Tests\s+4 passed \(4\)/);
  }, 180_000);

  test('every example of every --help and of the README runs', async () => {
    // The machine's stand-ins: a sandbox on a free port for 127.0.0.1:4020 and for staging, a receiver checking
    // whook_test for 127.0.0.1:3000, free ports for the fixed ones, a real key for `sk_test_…`. An example that
    // reads the environment ($…, ${{ … }}) runs with what the README's workflow sets; the others with nothing
    // but these: the pace of a local target, a tenth of the suite, the seeded card.
    copyFileSync(join(ROOT, 'package/consumer/webhook-receiver.mjs'), join(mocking, 'webhook-receiver.mjs'));
    const receiver = await start(['webhook-receiver.mjs'], { PAYJP_WEBHOOK_TOKEN: 'whook_test' }, mocking);
    const sandbox = await serve(['sandbox', '--port', '0'], mocking);
    // The clock's examples move a sandbox's time 8 days on, past the seeded sessions' expiry and the held
    // payments' authorizations that verify's examples use: they get a sandbox of their own.
    const clocked = await serve(['sandbox', '--port', '0'], mocking);
    const readme = cliLines(readFileSync(join(mocking, 'node_modules', manifest.name, 'README.md'), 'utf8')).map((line) => line.replace('npx ', ''));
    const helps = await Promise.all(
      ['mock', 'sandbox', 'verify', 'docs', 'webhooks-check', 'trigger', 'clock'].map(async (command) => {
        const help = (await cli([command, '--help'], {}, OLDEST_NODE, mocking)).stdout;
        return help
          .slice(help.indexOf('Examples:') + 'Examples:'.length)
          .split('\n')
          .map((line) => line.replace(/\s+#.*$/, '').trim())
          .filter(Boolean);
      }),
    );
    const examples = [...helps.flat(), ...readme];
    expect(examples.length).toBeGreaterThan(15);
    const failed: string[] = [];
    for (const example of examples) {
      const readsEnvironment = /\$/.test(example);
      const words = [...example.replace(/\$\{\{ matrix\.shard \}\}/, '1').matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2])!);
      const env: NodeJS.ProcessEnv = {
        CONTRACT_RATE: '200',
        CONTRACT_CONCURRENCY: '8',
        CONTRACT_SHARD: '1/10',
        CONTRACT_ID_CARD_ID: EXAMPLE_OBJECTS.v1Card,
        ...(readsEnvironment ? { CONTRACT_BASE_URL: sandbox.url, STAGING_URL: sandbox.url, PAYJP_SECRET_KEY: KEY } : {}),
      };
      while (/^\w+=/.test(words[0]!)) {
        const [name, value] = words.shift()!.split('=') as [string, string];
        env[name] = value === 'sk_test_…' ? KEY : value;
      }
      expect(words.shift(), example).toBe(PROGRAM);
      const args = words.map((word, i) => {
        if (words[i - 1] === '--port') return '0';
        if (word === 'http://127.0.0.1:4020' || word === 'https://staging.example' || word === '$STAGING_URL') return sandbox.url;
        if (word === 'http://127.0.0.1:3000/webhooks') return receiver.url;
        return word;
      });
      // trigger's and clock's default base URL is 127.0.0.1:4020, where the test's sandboxes cannot listen.
      if (args[0] === 'trigger' && !args.includes('--base-url')) args.push('--base-url', sandbox.url);
      if (args[0] === 'clock') {
        const at = args.indexOf('--base-url');
        if (at === -1) args.push('--base-url', clocked.url);
        else args[at + 1] = clocked.url;
      }
      const server = args[0] === 'mock' || args[0] === 'sandbox' || (args[0] === 'docs' && args[1] === 'serve');
      if (server) {
        const started = await serve(args, mocking, env).catch((error: Error) => error);
        if (started instanceof Error) failed.push(`${example}: ${started.message}`);
        else started.child.kill('SIGTERM');
        continue;
      }
      const ran = await cli(args, env, OLDEST_NODE, mocking);
      if (ran.code !== 0) failed.push(`${example}: exit ${ran.code}: ${ran.stderr.slice(-500)}${ran.stdout.slice(-500)}`);
    }
    expect(failed).toEqual([]);
  }, 600_000);

  test("a user's test drives expiries with the sandbox's test clock, no waiting (package/consumer/test-clock.mjs)", async () => {
    copyFileSync(join(ROOT, 'package/consumer/test-clock.mjs'), join(project, 'test-clock.mjs'));
    const ran = await run(OLDEST_NODE, ['test-clock.mjs']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual({
      session: 'expired',
      expiredEventAt: true,
      heldStatus: 'requires_capture',
      lapsed: true,
      capture: 'payment_flow_expired',
      offsetHours: 25 + 6 * 24,
      firedSessions: true,
      refused: 'advance',
    });
  }, 60_000);

  test('docs build writes the site', async () => {
    const built = await cli(['docs', 'build', '--out', 'site']);
    expect(built.code, built.stderr).toBe(0);
    for (const page of ['index.html', 'errors.html', 'errors.ja.html']) expect(existsSync(join(project, 'site', page))).toBe(true);
  }, 60_000);
});
