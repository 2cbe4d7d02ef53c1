// Reads openapi/errors/catalog.yaml, the one source of every error code, and checks each entry's shape.
// Errors name the file and line so that a bad edit is found at once.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import { CATALOG_FILE, ROOT } from './paths.ts';
import { type Evidence, SOURCES, type Source } from '../../contract-core/evidence.ts';

export { type Evidence, SOURCES, type Source };

const RETRY_POLICIES = ['no', 'same-key', 'new-key'] as const;
const REPLAY = ['stored', 'not-stored'] as const;
const APPLIES_TO = ['every', 'writes', 'bodies', 'path-ids', 'lists'] as const;
/** The facts about the catalog as a whole, each with its evidence (catalog.yaml `rules`). */
export const CATALOG_RULES = ['title_case', 'replay', 'closed_catalog', 'closed_operation_codes'] as const;
/** Response headers a catalog entry may name; each must exist under components.headers in the spec. */
const KNOWN_HEADERS = ['Retry-After'] as const;

export type RetryPolicy = (typeof RETRY_POLICIES)[number];
export type Replay = (typeof REPLAY)[number];
export type AppliesTo = (typeof APPLIES_TO)[number];
export type CatalogRule = (typeof CATALOG_RULES)[number];

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
  /** Where the code, its status and meaning come from. */
  evidence: Evidence;
  /** Where the title comes from; an inferred title follows the `title_case` rule. */
  titleSource: Source;
  retry: RetryPolicy;
  replay: Replay;
  appliesTo: AppliesTo | null;
  appliesEvidence: Evidence | null;
  headers: string[];
  headerEvidence: Record<string, Evidence>;
  detail: string;
  errors: FieldError[];
  en: string;
  ja: string;
  /** Where the entry stands, for messages: `openapi/errors/catalog.yaml:42`. */
  at: string;
}

const TYPE_BASE = 'https://docs.pay.jp/v2/errors/';
const CODE_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

class CatalogError extends Error {
  override name = 'CatalogError';
}

/** The title the `title_case` rule gives a code: `already_exists_id` → `Already Exists ID`. */
export const titleFromCode = (code: string): string =>
  code
    .split('_')
    .map((word) => (word === 'id' ? 'ID' : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');

export function loadCatalog(file = CATALOG_FILE): ErrorDefinition[] {
  return parseCatalog(readFileSync(file, 'utf8'), relative(ROOT, file));
}

export function loadCatalogRules(file = CATALOG_FILE): Record<CatalogRule, Evidence> {
  return parseCatalogRules(readFileSync(file, 'utf8'), relative(ROOT, file));
}

interface Located {
  doc: ReturnType<typeof parseDocument>;
  at(node: Node | null | undefined): string;
}

function locate(text: string, fileLabel: string): Located {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const at = (node: Node | null | undefined): string => `${fileLabel}:${node?.range ? lineCounter.linePos(node.range[0]).line : 1}`;
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw new CatalogError(`${fileLabel}:${first.linePos?.[0]?.line ?? 1}: ${first.message}`);
  }
  return { doc, at };
}

/** `{source, reason}` at `where` (named `label` in messages); an inferred fact must say why. */
function readEvidence(value: unknown, label: string, where: string): Evidence {
  const entry = (value ?? {}) as Record<string, unknown>;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CatalogError(`${where}: ${label} must be a map {source, reason}`);
  const unknown = Object.keys(entry).find((key) => key !== 'source' && key !== 'reason');
  if (unknown) throw new CatalogError(`${where}: ${label}: unknown field '${unknown}' (only source and reason)`);
  return evidence(entry['source'], entry['reason'], label, where);
}

function evidence(source: unknown, reason: unknown, label: string, where: string, reasonRequired: readonly Source[] = ['inferred']): Evidence {
  if (!(SOURCES as readonly unknown[]).includes(source)) {
    throw new CatalogError(`${where}: ${label} source must be one of ${SOURCES.join(', ')} (got ${JSON.stringify(source)})`);
  }
  if (reason !== undefined && (typeof reason !== 'string' || reason.trim() === ''))
    throw new CatalogError(`${where}: ${label} reason must be a non-empty string`);
  if (reason === undefined && reasonRequired.includes(source as Source)) throw new CatalogError(`${where}: ${label} is ${String(source)}: say why in a reason`);
  return { source: source as Source, ...(reason !== undefined ? { reason: reason as string } : {}) };
}

function parseCatalogRules(text: string, fileLabel: string): Record<CatalogRule, Evidence> {
  const { doc, at } = locate(text, fileLabel);
  const rules = isMap(doc.contents) ? doc.contents.get('rules', true) : undefined;
  if (!isMap(rules)) throw new CatalogError(`${at(doc.contents)}: expected a map under \`rules\``);
  const read = rules.toJSON() as Record<string, unknown>;
  const extra = Object.keys(read).find((name) => !(CATALOG_RULES as readonly string[]).includes(name));
  if (extra) throw new CatalogError(`${at(rules.get(extra, true) as Node)}: unknown rule '${extra}' (rules are ${CATALOG_RULES.join(', ')})`);
  return Object.fromEntries(
    CATALOG_RULES.map((name) => {
      if (read[name] === undefined) throw new CatalogError(`${at(rules)}: rules.${name} is missing`);
      return [name, readEvidence(read[name], `rules.${name}`, at(rules.get(name, true) as Node))];
    }),
  ) as Record<CatalogRule, Evidence>;
}

export function parseCatalog(text: string, fileLabel: string): ErrorDefinition[] {
  const { doc, at } = locate(text, fileLabel);
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

    const known = new Set([
      'status',
      'title',
      'source',
      'reason',
      'title_source',
      'retry',
      'replay',
      'applies_to',
      'applies_evidence',
      'headers',
      'detail',
      'errors',
      'en',
      'ja',
    ]);
    const unknown = Object.keys(entry).filter((k) => !known.has(k));
    if (unknown.length > 0) throw new CatalogError(`${fieldAt(unknown[0]!)}: ${code}: unknown field '${unknown[0]}'`);

    const status = entry['status'];
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
      throw new CatalogError(`${fieldAt('status')}: ${code}.status must be an HTTP error status (400-599)`);
    }
    const rawHeaders = entry['headers'] ?? {};
    if (
      typeof rawHeaders !== 'object' ||
      rawHeaders === null ||
      Array.isArray(rawHeaders) ||
      Object.keys(rawHeaders).some((h) => !(KNOWN_HEADERS as readonly string[]).includes(h))
    ) {
      throw new CatalogError(`${fieldAt('headers')}: ${code}.headers must map ${KNOWN_HEADERS.join(', ')} to its evidence {source, reason}`);
    }
    const headerEvidence = Object.fromEntries(
      Object.entries(rawHeaders as Record<string, unknown>).map(([name, value]) => [name, readEvidence(value, `${code}.headers.${name}`, fieldAt('headers'))]),
    );
    const errors = (entry['errors'] ?? []) as FieldError[];
    if (!Array.isArray(errors) || errors.some((e) => typeof e?.field !== 'string' || typeof e?.message !== 'string')) {
      throw new CatalogError(`${fieldAt('errors')}: ${code}.errors must be a list of {field, message}`);
    }
    const title = text('title');
    const titleSource = oneOf('title_source', ['published', 'client', 'inferred'] as const)!;
    if (titleSource === 'inferred' && title !== titleFromCode(code)) {
      throw new CatalogError(`${fieldAt('title')}: ${code}.title is inferred, so it follows rules.title_case: "${titleFromCode(code)}" (got "${title}")`);
    }
    const retry = oneOf('retry', RETRY_POLICIES)!;
    const replay = oneOf('replay', REPLAY)!;
    if (retry === 'same-key' && replay === 'stored') {
      throw new CatalogError(
        `${fieldAt('retry')}: ${code}: retry same-key with replay stored would only replay the stored answer (use new-key, or replay not-stored)`,
      );
    }
    const appliesTo = oneOf('applies_to', APPLIES_TO, true);
    if ((appliesTo === null) !== (entry['applies_evidence'] === undefined)) {
      throw new CatalogError(`${fieldAt(appliesTo === null ? 'applies_evidence' : 'applies_to')}: ${code}: applies_to and applies_evidence go together`);
    }

    const slug = code.replaceAll('_', '-');
    return {
      code,
      status,
      title,
      type: TYPE_BASE + slug,
      slug,
      evidence: evidence(entry['source'], entry['reason'], `${code}.source`, fieldAt('source'), ['inferred', 'client']),
      titleSource,
      retry,
      replay,
      appliesTo,
      appliesEvidence: appliesTo === null ? null : readEvidence(entry['applies_evidence'], `${code}.applies_evidence`, fieldAt('applies_evidence')),
      headers: Object.keys(headerEvidence),
      headerEvidence,
      detail: text('detail'),
      errors,
      en: text('en'),
      ja: text('ja'),
      at: where,
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

/** The statuses every operation answers: those of the codes that apply to every operation. */
export const everyOperationStatuses = (catalog: readonly ErrorDefinition[]): string[] =>
  [...byStatus(catalog.filter((def) => def.appliesTo === 'every')).keys()].map(String);
