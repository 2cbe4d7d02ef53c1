// The clock pass's clock (tests/support/clock-ahead.ts, preloaded by tests/support/clock-pass.ts): a process of
// the pass, and a process that one spawns, read every kind of clock the finder admits 1826 days ahead, at the
// real pace; the rest of Date is untouched.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLOCK_KINDS } from './clock-reads.ts';
import { clockPassEnv } from './support/clock-pass.ts';

const DAY = 24 * 60 * 60 * 1000;
const probes = Object.entries(CLOCK_KINDS).flatMap(([kind, shift]) => ('probe' in shift ? [[kind, shift.probe] as const] : []));

/** Each probe's time in a child process with `env`, and in a grandchild it spawns with its own environment. */
function readClocks(env: NodeJS.ProcessEnv): { child: Record<string, number>; grandchild: Record<string, number>; date: unknown } {
  const read = `({ ${probes.map(([kind, probe]) => `${JSON.stringify(kind)}: ${probe}`).join(', ')} })`;
  const date = `(() => { class Later extends Date {}; const spied = Date.now; Date.now = () => 0; const spy = Date.now(); Date.now = spied;
    return { parse: Date.parse('2026-01-01T00:00:00Z'), utc: Date.UTC(2020, 0, 1), epoch: new Date(0).toISOString(), given: new Date(2030, 0, 1).getFullYear(),
      instance: new Date() instanceof Date, constructor: new Date().constructor === Date, subclass: new Later(0).getTime(), subclassNow: new Later().getTime() - new Date().getTime() < 1000, spy } })()`;
  const script = `
    const { spawnSync } = await import('node:child_process');
    const child = ${read};
    const grandchild = JSON.parse(spawnSync(process.execPath, ['-p', 'JSON.stringify(${read.replaceAll("'", "\\'")})'], { encoding: 'utf8' }).stdout);
    console.log(JSON.stringify({ child, grandchild, date: ${date} }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

/** The environment without the clock pass's preload. */
const unshifted = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_OPTIONS: (process.env['NODE_OPTIONS'] ?? '').replace(/--import=\S*clock-ahead\.ts"?/g, ''),
});

describe('the clock pass', () => {
  it('moves every kind of clock read the finder admits 1826 days ahead, in its processes and in those they spawn', () => {
    expect(probes.map(([kind]) => kind)).toEqual(['Date.now', 'new Date()', 'Date()', 'performance.timeOrigin']);
    const before = readClocks(unshifted());
    const ahead = readClocks(clockPassEnv(unshifted()));
    const after = readClocks(unshifted());
    for (const [kind] of probes) {
      for (const process of ['child', 'grandchild'] as const) {
        const at = ahead[process][kind]!;
        // Between the reads of the runs before and after, 1826 days on (Date() has whole seconds).
        expect(at - 1826 * DAY, `${kind} in the ${process}`).toBeGreaterThanOrEqual(before[process][kind]! - 1000);
        expect(at - 1826 * DAY, `${kind} in the ${process}`).toBeLessThanOrEqual(after[process][kind]! + 1000);
        expect(new Date(at).getUTCFullYear() - new Date(before[process][kind]!).getUTCFullYear()).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('leaves the rest of Date as it is', () => {
    expect(readClocks(clockPassEnv(unshifted())).date).toEqual({
      parse: 1767225600000,
      utc: 1577836800000,
      epoch: '1970-01-01T00:00:00.000Z',
      given: 2030,
      instance: true,
      constructor: true,
      subclass: 0,
      subclassNow: true,
      spy: 0,
    });
  });
});
