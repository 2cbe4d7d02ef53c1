// IDs and times of one tenant's objects, from an object the sandbox owns (no module state): the tenant's clock
// (clock.ts, which a test clock moves) and the sandbox's source of random characters.
import { randomBytes } from 'node:crypto';
import type { ClockSource } from './clock.ts';

const ALPHABET = Buffer.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 'latin1');
/** The creation time's characters (ms since 1970 in base 62: 8 of them last some 6,900 years), then random ones. */
const TIME_LENGTH = 8;
const RANDOM_LENGTH = 16;

/** The sandbox's source of IDs (one per sandbox, shared by its tenants): random characters and the buffers IDs are made in. */
export class IdMaker {
  // Random bytes drawn in blocks: one call to the CSPRNG per 256 IDs instead of one per ID (% 62 leans a little
  // towards the first eight characters: IDs need to be unique, not uniform).
  #pool = randomBytes(4096);
  #used = 0;
  /**
   * Where an ID is put together, then read as one flat string: joining its parts would keep each ID as a
   * tree of strings, several times its size in a store of a million objects.
   */
  readonly #scratch = Buffer.alloc(256);
  /** The characters of the millisecond of the last ID. */
  readonly #time = Buffer.alloc(TIME_LENGTH);
  #lastMs = -1;

  /** `prefix` + 24 characters: the time `ms`, then 16 random ones (95 bits). */
  id(prefix: string, ms: number): string {
    const start = this.#scratch.write(prefix, 'latin1');
    if (ms !== this.#lastMs) {
      this.#lastMs = ms;
      for (let rest = ms, i = TIME_LENGTH - 1; i >= 0; i -= 1, rest = Math.floor(rest / 62)) this.#time[i] = ALPHABET[rest % 62]!;
    }
    this.#time.copy(this.#scratch, start);
    this.#randomInto(start + TIME_LENGTH, RANDOM_LENGTH);
    return this.#scratch.toString('latin1', 0, start + TIME_LENGTH + RANDOM_LENGTH);
  }

  /** 24 random base-62 characters (143 bits): the secret part of a client secret, with no time in it. */
  secret(): string {
    this.#randomInto(0, TIME_LENGTH + RANDOM_LENGTH);
    return this.#scratch.toString('latin1', 0, TIME_LENGTH + RANDOM_LENGTH);
  }

  #randomInto(at: number, length: number): void {
    if (this.#used + length > this.#pool.length) {
      this.#pool = randomBytes(4096);
      this.#used = 0;
    }
    for (let i = 0; i < length; i += 1) this.#scratch[at + i] = ALPHABET[this.#pool[this.#used + i]! % 62]!;
    this.#used += length;
  }
}

/** ISO 8601 UTC to the second, as the API writes times. */
export const isoSecond = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** One tenant's IDs and times: its clock read, its new IDs made, the seed's chosen IDs handed out. */
export class Ids {
  readonly #maker: IdMaker;
  readonly #clock: ClockSource;
  /** The time work under `at` happens at (a due expiry fired when a test clock moved past it). */
  #pinned: number | undefined;
  /** IDs the seed chose, each taken by the next `next()` of its prefix (see withIds). */
  readonly #chosen: string[] = [];
  #lastSecond = -1;
  #lastStamp = '';

  constructor(maker: IdMaker, clock: ClockSource) {
    this.#maker = maker;
    this.#clock = clock;
  }

  /**
   * The tenant's one reading of the clock, in milliseconds since 1970: every time its objects get or are
   * compared with (creation times, IDs, expiries) comes from here (clock.ts: its source plus what tests moved
   * it on). No rule depends on the calendar date, only on times relative to this one (the suite passes with the
   * clock years ahead).
   */
  now(): number {
    return this.#pinned ?? this.#clock.now();
  }

  /** Runs `work` (synchronous) as at `ms`: a due expiry fired at its own time, so that its event is dated as in real time. */
  at<T>(ms: number, work: () => T): T {
    const outer = this.#pinned;
    this.#pinned = ms;
    try {
      return work();
    } finally {
      this.#pinned = outer;
    }
  }

  /**
   * `prefix` + 24 characters: the creation time, then 16 random ones (95 bits), or the ID the seed chose for
   * the next object of that prefix. IDs begin with the time so that a new ID sorts after the older ones: in a
   * file (storage/sqlite-table.ts) the indexes on IDs then grow at their end, one page written per batch of
   * creates rather than a page anywhere in the index per create (sandbox/README.md, "Storage"). The API
   * promises nothing about IDs but that they are strings: clients must not read the time from them.
   */
  next(prefix: string): string {
    const index = this.#chosen.length === 0 ? -1 : this.#chosen.findIndex((id) => id.startsWith(prefix));
    if (index >= 0) return this.#chosen.splice(index, 1)[0]!;
    return this.#maker.id(prefix, this.now());
  }

  /** 24 random base-62 characters (143 bits), with no time in them. */
  secret(): string {
    return this.#maker.secret();
  }

  /** Now, in ISO 8601 UTC to the second (the current second's is computed once). */
  timestamp(): string {
    const second = Math.floor(this.now() / 1000);
    if (second !== this.#lastSecond) {
      this.#lastSecond = second;
      this.#lastStamp = isoSecond(new Date(second * 1000));
    }
    return this.#lastStamp;
  }

  /**
   * Runs `make` (synchronous) with `ids` as the IDs of the objects it creates, each the first of its prefix
   * (`pfw_…` the first payment flow): the seed's objects that the spec's examples name. Throws when one is
   * left unused, so that a seed change cannot silently drop an example's object.
   */
  withIds<T>(ids: readonly string[], make: () => T): T {
    this.#chosen.push(...ids);
    try {
      const made = make();
      if (this.#chosen.length > 0) throw new Error(`sandbox seed: nothing was created to take ${this.#chosen.join(', ')}`);
      return made;
    } finally {
      this.#chosen.length = 0;
    }
  }
}
