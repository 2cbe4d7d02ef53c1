// The cursor pagination every list of the API shares: its query parameters, and the page of a list held in
// memory (a collection of the store pages itself: state/collection.ts).
import type { Identified, ListEnvelope, PageRequest } from '../state/collection.ts';
import { ApiError, validationError } from './errors.ts';
import { integer, object, optional, parse, string } from './validate.ts';

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
