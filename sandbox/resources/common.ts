// Pieces several resources share: lookups that answer 404, the IDs of new objects, metadata updates, billing
// details, filters, download links.
import { ApiError, notFound } from './errors.ts';
import type { ApiRequest } from './route.ts';
import type { BillingDetails, Metadata } from '../state/model.ts';
import type { State } from '../state/state.ts';
import { Collection, type Identified, type ListEnvelope, type Where } from '../state/collection.ts';
import { isoSecond } from '../state/ids.ts';
import { missingCursor, paginate, queryValue, readPage } from './pagination.ts';
import { type Infer, METADATA_KEYS, type Schema, boolean, literal, object, optional, parse, string } from './validate.ts';

/** The object with this ID, or 404 `not_found` naming the kind of object. */
export function find<T extends Identified, C extends string>(collection: Collection<T, C>, id: string, what: string): T {
  const item = collection.get(id);
  if (!item) throw notFound(what, id);
  return item;
}

/** The ID of an object about to be created: the one the request gives, unless in use (`already_exists_id`), or a new one. */
export function idFor<T extends Identified, C extends string>(
  state: State,
  collection: Collection<T, C>,
  requested: string | undefined,
  prefix: string,
): string {
  if (requested === undefined) return state.ids.next(prefix);
  if (collection.has(requested)) throw new ApiError('already_exists_id', `The id ${requested} is already in use.`);
  return requested;
}

/**
 * A page for the list operation being answered: of a collection, its objects that match `where` (by an
 * index), or of objects already in hand (oldest first: a fixed collection's, filtered; line items).
 */
export function list<T extends Identified, C extends string>(
  source: Collection<T, C> | readonly T[],
  request: ApiRequest,
  where: Where<C> = {},
): ListEnvelope<T> {
  const page = readPage(request.query);
  if (!(source instanceof Collection)) return paginate(source, page, request.path);
  const found = source.page(page, request.path, where);
  if (!found) throw missingCursor(page);
  return found;
}

/**
 * Metadata update: given keys are set, a key set to the empty string is removed. More than 20 keys in all
 * answers 400 `metadata_limit_exceeded` (a create starts from none and its request holds 20 at most). The
 * result is made by Object.fromEntries, which defines each key as an own property: `__proto__` (an own key
 * once JSON.parse has read it) is stored like any other key instead of being taken for the object's
 * prototype, and the object stays in V8's compact form (one without a prototype would be a hash table of
 * its own, several times the size, kept for every object and event that has metadata).
 */
export function mergeMetadata(current: Metadata, patch: Metadata | undefined): Metadata {
  const merged = new Map(Object.entries(current));
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === '') merged.delete(key);
    else merged.set(key, value);
  }
  if (merged.size > METADATA_KEYS)
    throw new ApiError('metadata_limit_exceeded', `The object would have ${merged.size} metadata keys; at most ${METADATA_KEYS} are allowed.`);
  return Object.fromEntries(merged) as Metadata;
}

/** Copies the defined fields of `patch` onto `target` and stamps `updated_at` when it has one. */
export function assign<T extends object>(state: State, target: T, patch: { [K in keyof T]?: T[K] | undefined }): T {
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  if ('updated_at' in target) (target as { updated_at: string }).updated_at = state.ids.timestamp();
  return target;
}

const addressRequest = object({
  country: optional(string()),
  zip: optional(string()),
  state: optional(string()),
  city: optional(string()),
  line1: optional(string()),
  line2: optional(string()),
});

export const billingDetailsRequest = object({
  name: optional(string()),
  phone: optional(string()),
  email: optional(string()),
  address: optional(addressRequest),
});
type BillingDetailsRequest = Infer<typeof billingDetailsRequest>;

/** Billing details as answered: every field present, `null` when not given. */
export function billingDetails(request: BillingDetailsRequest | undefined, current?: BillingDetails): BillingDetails {
  const address = { ...(current?.address ?? { country: null, zip: null, state: null, city: null, line1: null, line2: null }) };
  for (const [key, value] of Object.entries(request?.address ?? {})) address[key as keyof typeof address] = value ?? null;
  return {
    name: request?.name ?? current?.name ?? null,
    phone: request?.phone ?? current?.phone ?? null,
    email: request?.email ?? current?.email ?? null,
    address,
  };
}

export type QueryKind = 'string' | 'boolean' | 'date-time' | readonly string[];
type QueryValue<K> = K extends 'boolean' ? boolean : K extends readonly (infer V)[] ? V : string;

/**
 * The filters of a list operation from the query string, checked (422 `validation_error` per bad
 * parameter, and a parameter given more than once).
 */
export function filters<S extends Record<string, QueryKind>>(query: URLSearchParams, shape: S): { [K in keyof S]?: QueryValue<S[K]> } {
  const raw: Record<string, unknown> = {};
  const fields: Record<string, Schema<unknown, true>> = {};
  for (const [name, kind] of Object.entries(shape)) {
    const value = queryValue(query, name);
    if (value !== null) raw[name] = kind === 'boolean' && (value === 'true' || value === 'false') ? value === 'true' : value;
    fields[name] = optional(
      kind === 'boolean' ? boolean() : kind === 'date-time' ? string({ format: 'date-time' }) : Array.isArray(kind) ? literal(...kind) : string(),
    );
  }
  // Only the filters are read into `raw`: pagination parameters are checked by the list itself.
  return parse(object(fields), raw) as { [K in keyof S]?: QueryValue<S[K]> };
}

const URL_LIFETIME_MS = 60 * 60 * 1000;

/** A download link valid for an hour, served by the sandbox itself (balances and statements). */
export const downloadUrl = (request: ApiRequest, kind: 'balance_url' | 'statement_url', id: string) => ({
  object: kind,
  url: `${request.state.origin}/sandbox/downloads/${id}.pdf`,
  expires: isoSecond(new Date(request.state.ids.now() + URL_LIFETIME_MS)),
});

/** Whether an ISO time lies within the optional bounds (inclusive). */
export const within = (time: string | null, since: string | undefined, until: string | undefined): boolean =>
  (since === undefined || (time !== null && Date.parse(time) >= Date.parse(since))) &&
  (until === undefined || (time !== null && Date.parse(time) <= Date.parse(until)));
