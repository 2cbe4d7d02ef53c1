// IDs, times, and the cursor pagination every list of the API shares (its parameters, and the page of a list
// held in memory; collections of the store page in storage/collection.ts).
import { randomBytes } from 'node:crypto';
import { type ClockSource, SYSTEM_CLOCK } from './clock.ts';
import { ApiError, validationError } from './http/problem.ts';
import { integer, optional, parse, object, string } from './validate.ts';

export interface Identified {
  id: string;
}

const ALPHABET = Buffer.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 'latin1');
/** The creation time's characters (ms since 1970 in base 62: 8 of them last some 6,900 years), then random ones. */
const TIME_LENGTH = 8;
const RANDOM_LENGTH = 16;
// Random bytes drawn in blocks: one call to the CSPRNG per 256 IDs instead of one per ID (% 62 leans a little
// towards the first eight characters: IDs need to be unique, not uniform).
let pool = randomBytes(4096);
let used = 0;
/**
 * Where an ID is put together, then read as one flat string: joining its parts would keep each ID as a
 * tree of strings, several times its size in a store of a million objects.
 */
const scratch = Buffer.alloc(256);
/** The characters of the millisecond of the last ID. */
const time = Buffer.alloc(TIME_LENGTH);
/** IDs the seed chose, each taken by the next newId() of its prefix (see withIds). */
const chosen: string[] = [];
let lastMs = -1;

/** The clock of the tenant whose unit is under way (`during`); outside one, the system's. */
let current: ClockSource = SYSTEM_CLOCK;

/**
 * The sandbox's one reading of the clock, in milliseconds since 1970: every time the sandbox writes or compares
 * (creation times, IDs, expiries) comes from here, and here from the clock of the tenant being served
 * (clock.ts: its source plus what tests moved it on). No rule depends on the calendar date, only on times
 * relative to this one (the suite passes with the clock years ahead).
 */
export const now = (): number => current.now();

/**
 * Runs `work` (synchronous: a unit of the store) on `clock`'s time. Handlers run within one turn, so the
 * clock in force cannot leak to another request's work.
 */
export function during<T>(clock: ClockSource, work: () => T): T {
  const outer = current;
  current = clock;
  try {
    return work();
  } finally {
    current = outer;
  }
}

/**
 * `prefix` + 24 characters: the creation time, then 16 random ones (95 bits), or the ID the seed chose for
 * the next object of that prefix. IDs begin with the time so that a new ID sorts after the older ones: in a
 * file (storage/sqlite-table.ts) the indexes on IDs then grow at their end, one page written per batch of
 * creates rather than a page anywhere in the index per create (sandbox/README.md, "Storage"). The API
 * promises nothing about IDs but that they are strings: clients must not read the time from them.
 */
export function newId(prefix: string): string {
  const index = chosen.length === 0 ? -1 : chosen.findIndex((id) => id.startsWith(prefix));
  if (index >= 0) return chosen.splice(index, 1)[0]!;
  const start = scratch.write(prefix, 'latin1');
  const ms = now();
  if (ms !== lastMs) {
    lastMs = ms;
    for (let rest = ms, i = TIME_LENGTH - 1; i >= 0; i -= 1, rest = Math.floor(rest / 62)) time[i] = ALPHABET[rest % 62]!;
  }
  time.copy(scratch, start);
  randomInto(start + TIME_LENGTH, RANDOM_LENGTH);
  return scratch.toString('latin1', 0, start + TIME_LENGTH + RANDOM_LENGTH);
}

/** 24 random base-62 characters (143 bits): the secret part of a client secret, with no time in it. */
export function newSecret(): string {
  randomInto(0, TIME_LENGTH + RANDOM_LENGTH);
  return scratch.toString('latin1', 0, TIME_LENGTH + RANDOM_LENGTH);
}

function randomInto(at: number, length: number): void {
  if (used + length > pool.length) {
    pool = randomBytes(4096);
    used = 0;
  }
  for (let i = 0; i < length; i += 1) scratch[at + i] = ALPHABET[pool[used + i]! % 62]!;
  used += length;
}

/**
 * Runs `make` (synchronous) with `ids` as the IDs of the objects it creates, each the first of its prefix
 * (`pfw_…` the first payment flow): the seed's objects that the spec's examples name. Throws when one is
 * left unused, so that a seed change cannot silently drop an example's object.
 */
export function withIds<T>(ids: readonly string[], make: () => T): T {
  chosen.push(...ids);
  try {
    const made = make();
    if (chosen.length > 0) throw new Error(`sandbox seed: nothing was created to take ${chosen.join(', ')}`);
    return made;
  } finally {
    chosen.length = 0;
  }
}

let lastSecond = -1;
let lastStamp = '';
/** ISO 8601 UTC to the second, as the API writes times (the current second's is computed once). */
export function timestamp(date?: Date): string {
  if (date) return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const second = Math.floor(now() / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastStamp = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return lastStamp;
}

const pageQuery = object({
  limit: optional(integer({ min: 1, max: 100 })),
  starting_after: optional(string({ minLength: 1 })),
  ending_before: optional(string({ minLength: 1 })),
});
const PAGE_PARAMS = ['limit', 'starting_after', 'ending_before'] as const;

/**
 * The value of a query parameter that takes one value; 422 `validation_error` when it is repeated (which one
 * was meant is a guess; the mock, by Prism, refuses it too).
 */
export function queryValue(query: URLSearchParams, name: string): string | null {
  const values = query.getAll(name);
  if (values.length > 1) throw validationError([{ field: name, message: 'must be given once, not repeated' }]);
  return values[0] ?? null;
}

export interface ListEnvelope<T> {
  object: 'list';
  url: string;
  has_more: boolean;
  data: T[];
}

/** The page a list request asks for. */
export interface PageRequest {
  limit: number;
  starting_after?: string;
  ending_before?: string;
}

/** `limit` (1-100, default 10) and one cursor at most, from the query (422 / 400 otherwise). */
export function readPage(query: URLSearchParams): PageRequest {
  const raw: Record<string, unknown> = {};
  for (const name of PAGE_PARAMS) {
    const value = queryValue(query, name);
    if (value !== null) raw[name] = name === 'limit' && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  const page = parse(pageQuery, raw);
  if (page.starting_after !== undefined && page.ending_before !== undefined)
    throw new ApiError('invalid_request', 'Give starting_after or ending_before, not both.');
  return { ...page, limit: page.limit ?? 10 };
}

/** 400 `resource_missing`: the cursor of `page` is not in the list. */
export function missingCursor(page: PageRequest): ApiError {
  const name = page.starting_after !== undefined ? 'starting_after' : 'ending_before';
  return new ApiError('resource_missing', `The object given as ${name} was not found: ${page.starting_after ?? page.ending_before}`);
}

/**
 * One page of `items` held in memory (oldest first), newest first: `limit` objects after `starting_after`
 * (older) or before `ending_before` (newer); a cursor that is not in the list answers 400 `resource_missing`.
 */
export function paginate<T extends Identified>(items: readonly T[], page: PageRequest, url: string): ListEnvelope<T> {
  const { limit } = page;
  const cursor = page.starting_after ?? page.ending_before;
  // Positions below count from the newest: newest = items.length - 1.
  if (cursor === undefined) return envelope(items, items.length - 1, limit, url);
  const index = items.findLastIndex((item) => item.id === cursor);
  if (index < 0) throw missingCursor(page);
  if (page.starting_after !== undefined) return envelope(items, index - 1, limit, url);
  // ending_before: the `limit` objects just newer than the cursor, still newest first.
  const newest = Math.min(items.length - 1, index + limit);
  return { object: 'list', url, has_more: newest < items.length - 1, data: slice(items, newest, index + 1) };
}
function envelope<T>(items: readonly T[], newest: number, limit: number, url: string): ListEnvelope<T> {
  const oldest = Math.max(0, newest - limit + 1);
  return { object: 'list', url, has_more: oldest > 0, data: slice(items, newest, oldest) };
}

/** items[newest] down to items[oldest], inclusive. */
function slice<T>(items: readonly T[], newest: number, oldest: number): T[] {
  const out: T[] = [];
  for (let i = newest; i >= oldest; i -= 1) out.push(items[i]!);
  return out;
}
