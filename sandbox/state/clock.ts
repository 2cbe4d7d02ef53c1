// Test clocks: the sandbox's time is an object it owns (one per tenant under isolated keys), the source it was
// given (`startSandbox({ clock })`, the system's by default) plus how far a test has moved it on with
// POST /sandbox/clock. It only ever moves forward; what falls due when it moves (expiries, webhook retries)
// is fired by time-travel.ts.
import { validationError } from './http/problem.ts';

/** Where time comes from, in milliseconds since 1970: what `startSandbox({ clock })` takes (`Date` by default). */
export interface ClockSource {
  now(): number;
}

export const SYSTEM_CLOCK: ClockSource = { now: () => Date.now() };

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * The furthest one move may go (a year and a day: beyond the longest expiry the sandbox keeps, 30 days), and
 * the furthest a clock may get from its source in all (100 years): a clock pushed to the year 275,760 would
 * break every date the sandbox writes.
 */
export const MAX_MOVE_MS = 366 * DAY_MS;
export const MAX_OFFSET_MS = 36_525 * DAY_MS;

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS } as const;
/** A duration as `POST /sandbox/clock` takes it: whole units, `90s`, `2h`, `7d`, `1500ms`. */
const DURATION = /^(\d{1,12})(ms|s|m|h|d)$/;

/** A duration (`2h`) in ms, or a 422 naming `field`. */
export function durationMs(text: string, field = 'advance'): number {
  const match = DURATION.exec(text);
  if (!match) throw validationError([{ field, message: 'Input should be a duration: a whole number and a unit of ms, s, m, h or d (e.g. 2h)' }]);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** One tenant's time: its source plus the distance tests have moved it on. */
export class SandboxClock {
  readonly #source: ClockSource;
  #offset = 0;
  /** The latest time read: a source that steps back (a test's own fake) does not take the clock back. */
  #latest = Number.NEGATIVE_INFINITY;

  constructor(source: ClockSource = SYSTEM_CLOCK) {
    this.#source = source;
  }

  now(): number {
    this.#latest = Math.max(this.#latest, this.#source.now() + this.#offset);
    return this.#latest;
  }

  /** How far tests have moved this clock on from its source (ms). */
  get offsetMs(): number {
    return this.#offset;
  }

  /** Moves the clock on by `ms` (> 0, at most MAX_MOVE_MS); 422 `validation_error` naming `field` otherwise. */
  advance(ms: number, field = 'advance'): void {
    if (!(ms > 0)) throw validationError([{ field, message: 'Input should be a duration greater than 0' }]);
    if (!(ms <= MAX_MOVE_MS)) throw validationError([{ field, message: `Input should move the clock by at most ${MAX_MOVE_MS / DAY_MS} days at a time` }]);
    if (this.#offset + ms > MAX_OFFSET_MS)
      throw validationError([{ field, message: `The clock may run at most ${MAX_OFFSET_MS / DAY_MS} days ahead of its source` }]);
    const before = this.now();
    this.#offset += ms;
    this.#latest = before + ms;
  }

  /** Sets the clock to `at` (ms since 1970): never earlier than now (422 naming `field`, as advance does). */
  moveTo(at: number, field = 'to'): void {
    const now = this.now();
    if (at < now)
      throw validationError([
        { field, message: `Input should not be earlier than the clock's time, ${new Date(now).toISOString()}: a clock never goes backwards` },
      ]);
    if (at > now) this.advance(at - now, field);
  }
}

/** One clock per tenant, from one source; made with the tenant's objects (tenants.ts), oldest first. */
export class Clocks {
  readonly #source: ClockSource;
  readonly #clocks = new Map<string, SandboxClock>();

  constructor(source: ClockSource = SYSTEM_CLOCK) {
    this.#source = source;
  }

  /** The tenant's clock, made if it has none. */
  of(tenant: string): SandboxClock {
    let clock = this.#clocks.get(tenant);
    if (!clock) {
      clock = new SandboxClock(this.#source);
      this.#clocks.set(tenant, clock);
    }
    return clock;
  }

  /** The tenant's clock, if it has one. */
  kept(tenant: string): SandboxClock | undefined {
    return this.#clocks.get(tenant);
  }

  /** A clock of this source that nothing keeps: the time of a tenant that has none yet. */
  unkept(): SandboxClock {
    return new SandboxClock(this.#source);
  }

  drop(tenant: string): void {
    this.#clocks.delete(tenant);
  }

  /** Beyond `max` clocks, drops the oldest of those `keep` does not name, until `max` are left (or only kept ones). */
  trim(max: number, keep: (tenant: string) => boolean): void {
    for (const tenant of this.#clocks.keys()) {
      if (this.#clocks.size <= max) return;
      if (!keep(tenant)) this.#clocks.delete(tenant);
    }
  }
}
