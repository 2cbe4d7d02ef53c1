// The clock pass: the projects whose code reads the clock (tests/projects.ts) run a second time with every Node
// process 1826 days ahead: NODE_OPTIONS preloads tests/support/clock-ahead.ts into its workers and into every
// process a test spawns with the test's environment. vitest.config.ts runs it in the same `vitest run` as the
// pass at today's date, so the two share the machine's cores and one start of vitest.
import { fileURLToPath } from 'node:url';

/** Set on globalThis by the preload once it has moved the clock (a second import does not move it again). */
export const CLOCK_AHEAD_INSTALLED = Symbol.for('payjp-v2-contract.clock-ahead');
/** The preload that moves the clock ahead. */
export const CLOCK_AHEAD = fileURLToPath(new URL('clock-ahead.ts', import.meta.url));
/** The clock pass's projects are named `<project>+1826d`. */
export const CLOCK_PASS_SUFFIX = '+1826d';

/** `env` as the clock pass runs with it. */
export const clockPassEnv = (env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv => ({
  ...env,
  NODE_OPTIONS: [env['NODE_OPTIONS'], `--import=${JSON.stringify(CLOCK_AHEAD)}`].filter(Boolean).join(' '),
});
