// Test clocks: the sandbox's time is an object it owns (one per tenant under isolated keys), the source it was
// given (`startSandbox({ clock })`, the system's by default) plus how far a test has moved it on with
// POST /sandbox/clock. It only ever moves forward; what falls due when it moves (expiries, webhook retries)
// is fired by time-travel.ts.

/** Where time comes from, in milliseconds since 1970: what `startSandbox({ clock })` takes (`Date` by default). */
export interface ClockSource {
  now(): number;
}

export const SYSTEM_CLOCK: ClockSource = { now: () => Date.now() };

export const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * The furthest one move may go (a year and a day: beyond the longest expiry the sandbox keeps, 30 days), and
 * the furthest a clock may get from its source in all (100 years): a clock pushed to the year 275,760 would
 * break every date the sandbox writes.
 */
export const MAX_MOVE_MS = 366 * DAY_MS;
export const MAX_OFFSET_MS = 36_525 * DAY_MS;

/** A move the clock refuses, naming the field of the request that asked for it (HTTP answers it as a 422). */
export class ClockRefusal extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
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

  /** Moves the clock on by `ms` (> 0, at most MAX_MOVE_MS); a ClockRefusal naming `field` otherwise. */
  advance(ms: number, field = 'advance'): void {
    if (!(ms > 0)) throw new ClockRefusal(field, 'Input should be a duration greater than 0');
    if (!(ms <= MAX_MOVE_MS)) throw new ClockRefusal(field, `Input should move the clock by at most ${MAX_MOVE_MS / DAY_MS} days at a time`);
    if (this.#offset + ms > MAX_OFFSET_MS) throw new ClockRefusal(field, `The clock may run at most ${MAX_OFFSET_MS / DAY_MS} days ahead of its source`);
    const before = this.now();
    this.#offset += ms;
    this.#latest = before + ms;
  }

  /** Sets the clock to `at` (ms since 1970): never earlier than now (ClockRefusal naming `field`, as advance does). */
  moveTo(at: number, field = 'to'): void {
    const now = this.now();
    if (at < now)
      throw new ClockRefusal(field, `Input should not be earlier than the clock's time, ${new Date(now).toISOString()}: a clock never goes backwards`);
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
