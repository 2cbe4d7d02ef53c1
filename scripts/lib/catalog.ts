// Reads openapi/errors/catalog.yaml, the one source of every error code, and checks each entry's shape.
// Errors name the file and line so that a bad edit is found at once.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import { CATALOG_FILE, ROOT } from './paths.ts';

const RETRY_POLICIES = ['no', 'same-key', 'new-key'] as const;
const APPLIES_TO = ['every', 'writes', 'bodies', 'path-ids', 'lists'] as const;
const ORIGINS = ['published', 'contract'] as const;
/** Response headers a catalog entry may name; each must exist under components.headers in the spec. */
const KNOWN_HEADERS = ['Retry-After'] as const;

export type RetryPolicy = (typeof RETRY_POLICIES)[number];
export type AppliesTo = (typeof APPLIES_TO)[number];

export interface FieldError {
  field: string;
  message: string;
}

export interface ErrorDefinition {
  code: string;
  status: number;
  title: string;
  /** RFC 9457 `type`, derived from the code. */
  type: string;
  /** The last segment of `type`: the docs anchor. */
  slug: string;
  origin: (typeof ORIGINS)[number];
  retry: RetryPolicy;
  appliesTo: AppliesTo | null;
  headers: string[];
  detail: string;
  errors: FieldError[];
  en: string;
  ja: string;
  /** Where the entry stands, for messages: `openapi/errors/catalog.yaml:42`. */
  source: string;
}

const TYPE_BASE = 'https://docs.pay.jp/v2/errors/';
const CODE_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

class CatalogError extends Error {
  override name = 'CatalogError';
}

export function loadCatalog(file = CATALOG_FILE): ErrorDefinition[] {
  return parseCatalog(readFileSync(file, 'utf8'), relative(ROOT, file));
}

export function parseCatalog(text: string, fileLabel: string): ErrorDefinition[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const at = (node: Node | null | undefined): string =>
    `${fileLabel}:${node?.range ? lineCounter.linePos(node.range[0]).line : 1}`;
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new CatalogError(`${fileLabel}:${first.linePos?.[0]?.line ?? 1}: ${first.message}`);
  }
  const codes = isMap(doc.contents) ? doc.contents.get('codes', true) : undefined;
  if (!isMap(codes)) throw new CatalogError(`${at(doc.contents)}: expected a map under \`codes\``);

  return codes.items.map((pair: Pair) => {
    const keyNode = pair.key as Node;
    const code = isScalar(keyNode) ? String(keyNode.value) : '';
    const where = at(keyNode);
    if (!CODE_PATTERN.test(code)) throw new CatalogError(`${where}: code '${code}' must be snake_case`);
    if (!isMap(pair.value)) throw new CatalogError(`${where}: ${code}: expected a map of fields`);
    const entry = pair.value.toJSON() as Record<string, unknown>;
    const fieldAt = (name: string): string => at((pair.value as { get(k: string, keep: true): Node }).get(name, true) ?? keyNode);
    const text = (name: string): string => {
      const value = entry[name];
      if (typeof value !== 'string' || value.trim() === '') {
        throw new CatalogError(`${fieldAt(name)}: ${code}.${name} must be a non-empty string`);
      }
      return value;
    };
    const oneOf = <T extends string>(name: string, allowed: readonly T[], optional = false): T | null => {
      const value = entry[name];
      if (value === undefined && optional) return null;
      if (!allowed.includes(value as T)) {
        throw new CatalogError(`${fieldAt(name)}: ${code}.${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
      }
      return value as T;
    };

    const status = entry['status'];
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
      throw new CatalogError(`${fieldAt('status')}: ${code}.status must be an HTTP error status (400-599)`);
    }
    const headers = (entry['headers'] ?? []) as unknown;
    if (!Array.isArray(headers) || headers.some((h) => !(KNOWN_HEADERS as readonly unknown[]).includes(h))) {
      throw new CatalogError(`${fieldAt('headers')}: ${code}.headers may only list ${KNOWN_HEADERS.join(', ')}`);
    }
    const errors = (entry['errors'] ?? []) as FieldError[];
    if (!Array.isArray(errors) || errors.some((e) => typeof e?.field !== 'string' || typeof e?.message !== 'string')) {
      throw new CatalogError(`${fieldAt('errors')}: ${code}.errors must be a list of {field, message}`);
    }
    const known = new Set(['status', 'title', 'origin', 'retry', 'applies_to', 'headers', 'detail', 'errors', 'en', 'ja']);
    const unknown = Object.keys(entry).filter((k) => !known.has(k));
    if (unknown.length > 0) throw new CatalogError(`${fieldAt(unknown[0]!)}: ${code}: unknown field '${unknown[0]}'`);

    const slug = code.replaceAll('_', '-');
    return {
      code,
      status,
      title: text('title'),
      type: TYPE_BASE + slug,
      slug,
      origin: oneOf('origin', ORIGINS)!,
      retry: oneOf('retry', RETRY_POLICIES)!,
      appliesTo: oneOf('applies_to', APPLIES_TO, true),
      headers: headers as string[],
      detail: text('detail'),
      errors,
      en: text('en'),
      ja: text('ja'),
      source: where,
    };
  });
}

/** Codes grouped by status, statuses ascending, codes in catalog order. */
export function byStatus(catalog: readonly ErrorDefinition[]): Map<number, ErrorDefinition[]> {
  const groups = new Map<number, ErrorDefinition[]>();
  for (const def of [...catalog].sort((a, b) => a.status - b.status)) {
    groups.set(def.status, [...(groups.get(def.status) ?? []), def]);
  }
  return groups;
}
