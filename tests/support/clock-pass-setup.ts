// Set-up of every test file of the clock pass: the file fails at once unless its worker preloaded the clock
// (tests/support/clock-ahead.ts, proven to shift every clock by tests/clock-ahead.test.ts) and hands the preload
// on to the processes it spawns, so that a pass that lost its clock cannot pass unseen.
import { CLOCK_AHEAD, CLOCK_AHEAD_INSTALLED } from './clock-pass.ts';

if (!(CLOCK_AHEAD_INSTALLED in globalThis)) throw new Error("the clock pass's worker did not preload its clock (NODE_OPTIONS)");
if (!process.env['NODE_OPTIONS']?.includes(CLOCK_AHEAD)) throw new Error("the clock pass's NODE_OPTIONS do not carry the preload to spawned processes");
