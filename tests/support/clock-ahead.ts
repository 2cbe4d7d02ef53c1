// The clock pass's clock: preloaded into every Node process of the clock pass (NODE_OPTIONS=--import, which
// vitest's workers and the servers and CLIs the tests spawn inherit), it moves the wall clock 1826 days
// ahead and lets it run at its real pace, as `faketime -f '+1826d'` did, with nothing but Node. It shifts each
// read of the clock that tests/clock-reads.ts finds and admits: Date.now, new Date() and Date() without an
// argument, performance.timeOrigin. Everything else of Date is left as it is (parsing, Date.UTC, dates given a
// time, instanceof, subclasses, vi.spyOn(Date, 'now')).
//
// Written by hand: @sinonjs/fake-timers (`toFake: ['Date']`, `shouldAdvanceTime`) moves its clock in steps from a
// timer of its own. Measured here: its clock stood still through 300 ms of synchronous work, fell 328 ms behind in
// a further 1.3 s, and its timer kept a process with nothing left to do from exiting (a spawned CLI never ends).

import { CLOCK_AHEAD_INSTALLED as INSTALLED } from './clock-pass.ts';

/** Five years (with one leap day): the offset of the clock pass. Imported, this module shifts the clock: export nothing. */
const AHEAD_MS = 1826 * 24 * 60 * 60 * 1000;

if (!(INSTALLED in globalThis)) {
  const RealDate = globalThis.Date;
  const realNow = RealDate.now;
  const now = (): number => realNow() + AHEAD_MS;
  // Date.now stays a plain property of Date (a test may spy on it); new Date() reads the clock, not Date.now.
  Object.defineProperty(RealDate, 'now', { value: now, writable: true, configurable: true, enumerable: false });
  const AheadDate: DateConstructor = new Proxy(RealDate, {
    construct: (target, args, newTarget): object => Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
    // Date() called as a function ignores its arguments and gives the current time as a string.
    apply: () => new RealDate(now()).toString(),
  });
  Object.defineProperty(RealDate.prototype, 'constructor', { value: AheadDate, writable: true, configurable: true, enumerable: false });
  globalThis.Date = AheadDate;
  Object.defineProperty(performance, 'timeOrigin', { value: performance.timeOrigin + AHEAD_MS, enumerable: true, configurable: true });
  Object.defineProperty(globalThis, INSTALLED, { value: true });
}
