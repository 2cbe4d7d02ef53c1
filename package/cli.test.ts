// The CLI's reading of flags and variables, and its exit codes, without a server: a flag wins over its
// variable, a variable fills a flag not given, bad values are usage errors (exit 2) naming what was given.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../contract-core/files.ts';
import { inShard, parseShard } from '../contract-tests/lib/shard.ts';
import { clock } from './cli/clock.ts';
import { UsageError, parseCommand, type Command } from './cli/command.ts';
import { docs } from './cli/docs.ts';
import { mock } from './cli/mock.ts';
import { sandbox } from './cli/sandbox.ts';
import { trigger } from './cli/trigger.ts';
import { verify } from './cli/verify.ts';
import { webhooksCheck } from './cli/webhooks-check.ts';
import { NODE_FLOOR, nodeTooOld } from './node-floor.ts';
import { cliRuns } from '../contract-core/testing/cli-runs.ts';

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'package/cli.ts'), ...args], { encoding: 'utf8', env: { PATH: process.env['PATH'], ...env } });

describe('flags and their variables', () => {
  const command: Command = { ...verify, flags: { ...verify.flags, tag: { type: 'string', multiple: true, description: 'x', env: 'TAGS' } } };
  test('a flag wins over its variable; a variable fills a flag not given; booleans read 1/0/true/false', () => {
    const env = { CONTRACT_RATE: '9', CONTRACT_CONCURRENCY: '3', CONTRACT_STRICT: 'true', TAGS: 'a, b,,c' };
    const { values } = parseCommand(command, ['--rate', '50'], env);
    expect(values).toMatchObject({ rate: '50', concurrency: '3', strict: true, tag: ['a', 'b', 'c'] });
    expect(parseCommand(command, [], { CONTRACT_STRICT: '0' }).values['strict']).toBe(false);
    expect(() => parseCommand(command, [], { CONTRACT_STRICT: 'yes' })).toThrow(new UsageError("CONTRACT_STRICT must be 1, 0, true or false (got 'yes')"));
  });
  test('an unknown flag or a stray word is a usage error', () => {
    expect(() => parseCommand(command, ['--base-ur', 'x'], {})).toThrow(/Unknown option '--base-ur'/);
    expect(() => parseCommand(command, ['staging'], {})).toThrow(UsageError);
  });
});

describe('shards', () => {
  test('i/n: the n shards together hold each unit exactly once', () => {
    const units = Array.from({ length: 23 }, (_, i) => i);
    const shards = [1, 2, 3, 4].map((index) => inShard(units, parseShard(`${index}/4`)));
    expect(shards.flat().sort((a, b) => a - b)).toEqual(units);
    expect(shards.map((shard) => shard.length)).toEqual([6, 6, 6, 5]);
    expect(inShard(units, undefined)).toEqual(units);
  });
  test.each(['0/4', '5/4', '1/0', '2', 'a/b', '1/4/2'])('refuses %s, naming where it came from', (text) => {
    expect(() => parseShard(text, 'CONTRACT_SHARD')).toThrow(`CONTRACT_SHARD must be i/n with 1 <= i <= n, e.g. 2/4 (got '${text}')`);
  });
});

describe('the command line', () => {
  test('usage errors exit 2 and name the flag given, or the variable', async () => {
    // All in one process (testing/cli-runs.ts), the first also alone as a shell runs it: the same code and words.
    const [flag, variable, reporter, checks, errorRate, publish, trigger, timeout, none, crlf] = await cliRuns([
      { args: ['verify', '--rate', 'fast'] },
      { args: ['verify'], env: { CONTRACT_RATE: 'fast' } },
      { args: ['verify', '--reporter', 'html'] },
      { args: ['verify', '--exclude-checks', 'retry_after'] },
      { args: ['sandbox', '--error-rate', '2'] },
      { args: ['docs', 'publish'] },
      { args: ['trigger'] },
      { args: ['webhooks-check', '--url', 'http://127.0.0.1:9/', '--token', 'whook_t', '--timeout-ms', '0'] },
      { args: [] },
      // A CR or LF in the token would end its header: a usage error, the token not printed.
      { args: ['webhooks-check', '--url', 'http://127.0.0.1:9/', '--token', 'whook_s3cret\r\nX-Injected: 1'] },
    ]);
    const alone = cli(['verify', '--rate', 'fast']);
    expect([alone.status, alone.stdout, alone.stderr]).toEqual([flag!.code, flag!.stdout, flag!.stderr]);
    expect([flag!.code, flag!.stderr.trim()]).toEqual([2, "payjp-v2-contract verify: --rate must be a positive number (got 'fast')"]);
    expect([variable!.code, variable!.stderr.trim()]).toEqual([2, "payjp-v2-contract verify: CONTRACT_RATE must be a positive number (got 'fast')"]);
    expect(reporter!.stderr).toContain("--reporter must be console, markdown, junit, json (got 'html')");
    expect(checks!.stderr.trim()).toMatch(/^payjp-v2-contract verify: --exclude-checks: unknown check 'retry_after' \(the checks: status_code_conformance, /);
    expect(errorRate!.stderr.trim()).toBe('payjp-v2-contract sandbox: --error-rate must be a number from 0 to 1 (got 2)');
    expect(publish!.code).toBe(2);
    expect(trigger!.stderr.trim()).toMatch(/^payjp-v2-contract trigger: give one event type: payment_flow\.succeeded, /);
    expect([timeout!.code, timeout!.stderr.trim()]).toEqual([
      2,
      'payjp-v2-contract webhooks-check: --timeout-ms must be a number of milliseconds > 0 and at most 2147483647 (got 0)',
    ]);
    expect(none!.code).toBe(2);
    expect([crlf!.code, crlf!.stderr.trim()]).toEqual([
      2,
      'payjp-v2-contract webhooks-check: --token holds a control character (a CR, an LF…) or surrounding whitespace: it is sent as a header (the token is not shown)',
    ]);
  });
  test('a key that is not a test key is refused before anything is sent, without quoting it', () => {
    const refused = cli(['verify', '--base-url', 'http://127.0.0.1:9'], { PAYJP_SECRET_KEY: 'sk_live_abc123' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('PAYJP_SECRET_KEY refused: it is, or holds, a live key');
    expect(refused.stderr).not.toContain('abc123');
  });
  test('no colour when the output is not a terminal', () => {
    expect(cli(['--help']).stdout).not.toContain('\x1b[');
  });
});

describe('a Node below the floor (run for real on Node 20 by consumer.test.ts)', () => {
  test('one line: what is needed, this Node, how to get it', () => {
    const line = nodeTooOld('20.20.2', 'payjp-v2-contract');
    expect(line).toBe(
      `payjp-v2-contract needs Node >= ${NODE_FLOOR.major}.${NODE_FLOOR.minor} (this is Node 20.20.2): install it from https://nodejs.org, or into this project with \`npm install --save-dev node@${NODE_FLOOR.major}\` (npx and npm scripts then run on it)`,
    );
    const below = `${NODE_FLOOR.major}.${NODE_FLOOR.minor - 1}.9`;
    expect(nodeTooOld(below, 'x')).toContain(`this is Node ${below}`);
    expect([nodeTooOld(`${NODE_FLOOR.major}.${NODE_FLOOR.minor}.0`, 'x'), nodeTooOld('25.0.0', 'x'), nodeTooOld(process.versions.node, 'x')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('the README', () => {
  test("documents every command, flag and variable of the CLI in the package's README", () => {
    const section = readFileSync(join(ROOT, 'package/README.md'), 'utf8');
    const missing = [mock, sandbox, verify, docs, webhooksCheck, trigger, clock].flatMap((command) => [
      ...(section.includes(`**\`${command.name}`) ? [] : [command.name]),
      ...Object.entries(command.flags).flatMap(([name, flag]) =>
        [`\`--${name}`, ...(flag.env ? [`\`${flag.env}\``] : [])].filter((text) => !section.includes(text)).map((text) => `${command.name} ${text}`),
      ),
    ]);
    expect(missing).toEqual([]);
  });
});
