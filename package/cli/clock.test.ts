// `clock` against a sandbox of this process: tells its time, moves it on and reports what fired, refuses a
// move back (the sandbox's 422, exit 2) and a key that is not a secret test key before sending anything.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../../contract-core/files.ts';
import { type Sandbox, startSandbox } from '../../sandbox/server.ts';

const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT, 'package/cli.ts'), 'clock', ...args], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'], ...env },
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

test('tells the time, moves it on and says what fired, never back', async () => {
  const told = await run(['--base-url', sandbox.url]);
  expect(told.status).toBe(0);
  const before = Date.parse(told.stdout.trim());
  const moved = await run(['--advance', '25h', '--base-url', sandbox.url]);
  expect(moved.status, moved.stderr).toBe(0);
  expect(Date.parse(moved.stdout.trim()) - before).toBeGreaterThanOrEqual(25 * 3_600_000);
  // The seed's open checkout sessions expire a day after the start.
  expect(moved.stderr).toMatch(/^fired: [1-9]\d* checkout session\(s\) expired, \d+ authorization\(s\) lapsed, 0 webhook delivery\(ies\) sent/);
  expect(sandbox.clock.now().offset_ms).toBe(25 * 3_600_000);
  const back = await run(['--to', new Date(before).toISOString(), '--base-url', sandbox.url]);
  expect([back.status, back.stderr.trim()]).toEqual([2, expect.stringMatching(/^payjp-v2-contract clock: POST .* answered 422: to: .*never goes backwards$/)]);
});

test('refuses a key that is not a secret test key, and two moves at once, before anything is sent', async () => {
  const live = await run(['--advance', '1h', '--base-url', sandbox.url], { PAYJP_SECRET_KEY: 'sk_live_abc' });
  expect([live.status, live.stderr.trim()]).toEqual([2, 'payjp-v2-contract clock: PAYJP_SECRET_KEY must be a test secret key (sk_test_…); nothing was sent']);
  expect((await run(['--advance', '1h', '--to', sandbox.clock.now().now])).stderr.trim()).toBe('payjp-v2-contract clock: give --advance or --to, not both');
  expect(sandbox.clock.now().offset_ms).toBe(25 * 3_600_000);
});
