// npm test's first step (tools/preflight.ts): on a machine missing what the suite needs, it fails within
// seconds with one line for each missing thing, naming it, before any test runs.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../scripts/lib/paths.ts';

test('names each missing prerequisite in one line and exits 1, in seconds', { timeout: 60_000 }, () => {
  const started = performance.now();
  // PATH holds Node alone: no git, no tar; the old Node and the browser named are not there.
  const run = spawnSync(process.execPath, [join(ROOT, 'tools/preflight.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: dirname(process.execPath), CONSUMER_OLD_NODE: '/nonexistent/node', CHROMIUM_PATH: '/nonexistent/chromium' },
  });
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toEqual([
    'npm test cannot run here: git is not on PATH (the diff and clock-read tests read the repository with it)',
    'npm test cannot run here: tar is not on PATH (the diff tests unpack older versions of the contract with it)',
    'npm test cannot run here: /nonexistent/node is missing: the package test runs its CLI on a Node below 24 (set CONSUMER_OLD_NODE to one)',
    "npm test cannot run here: the docs browser test's Chromium does not start: CHROMIUM_PATH names no file: /nonexistent/chromium",
  ]);
  expect(performance.now() - started).toBeLessThan(30_000);
});
