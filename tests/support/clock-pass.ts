// `npm run test:clock`: vitest over the projects marked `clock` (tests/projects.ts) with the clock of every Node
// process 1826 days ahead: NODE_OPTIONS preloads tests/support/clock-ahead.ts into vitest, its workers and every
// process a test spawns with the test's environment. Arguments go to `vitest run`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../../scripts/lib/paths.ts';

const CLOCK_AHEAD = fileURLToPath(new URL('clock-ahead.ts', import.meta.url));

/** `env` as the clock pass runs with it. */
export const clockPassEnv = (env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv => ({
  ...env,
  TEST_PASS: 'clock',
  NODE_OPTIONS: [env['NODE_OPTIONS'], `--import=${JSON.stringify(CLOCK_AHEAD)}`].filter(Boolean).join(' '),
});

if (import.meta.main) {
  const vitest = join(ROOT, 'node_modules/vitest/vitest.mjs');
  const { status, signal } = spawnSync(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { cwd: ROOT, env: clockPassEnv(), stdio: 'inherit' });
  process.exit(status ?? (signal ? 1 : 0));
}
