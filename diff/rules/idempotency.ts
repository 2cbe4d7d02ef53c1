// Idempotency-Key on writes (POST, PUT, PATCH): what makes a client's retry safe. A write losing it, or the
// header becoming required, breaks clients; a stricter key format (shorter, another pattern) refuses keys that
// clients generate today. A format change of a shared parameter (components.parameters) is reported once.
import type { Change } from '../lib/finding.ts';
import { isObject, objectAt, pointer, type JsonObject } from '../lib/json.ts';
import type { Rule } from './rule.ts';
import { WRITE_METHODS, operationsOf } from '../../contract-core/conventions.ts';

const HEADER = 'idempotency-key';

interface KeyParameter {
  operation: string;
  anchor: Change['anchor'];
  /** Where the operation lists the parameter (or its `$ref`). */
  listedAt: string;
  /** Where the parameter is defined: the shared component it refers to, or where it is listed. */
  definedAt: string;
  required: boolean;
  schema: JsonObject;
}

/** Each write's Idempotency-Key parameter (null: it takes none), keyed by `METHOD /path`. */
function keysOf(document: JsonObject): Map<string, KeyParameter | null> {
  const keys = new Map<string, KeyParameter | null>();
  const paths = objectAt(document, document['paths']);
  for (const { path, method, operation } of operationsOf(document)) {
    if (!WRITE_METHODS.has(method)) continue;
    const shared = objectAt(document, paths[path])['parameters'];
    const listed = [
      ...(operation.parameters ?? []).map((parameter, i) => [parameter, pointer('paths', path, method, 'parameters', i)] as const),
      ...(Array.isArray(shared) ? shared : []).map((parameter, i) => [parameter, pointer('paths', path, 'parameters', i)] as const),
    ];
    const found = listed.find(([parameter]) => {
      const resolved = objectAt(document, parameter);
      return resolved['in'] === 'header' && String(resolved['name']).toLowerCase() === HEADER;
    });
    const key = `${method.toUpperCase()} ${path}`;
    if (!found) {
      keys.set(key, null);
      continue;
    }
    const [parameter, listedAt] = found;
    const resolved = objectAt(document, parameter);
    const tag = (operation['tags'] as string[] | undefined)?.[0];
    keys.set(key, {
      operation: operation.operationId ?? key,
      anchor: tag && operation.operationId ? { operation: { tag, operationId: operation.operationId } } : undefined,
      listedAt,
      definedAt: isObject(parameter) && typeof parameter['$ref'] === 'string' ? parameter['$ref'].slice(1) : listedAt,
      required: resolved['required'] === true,
      schema: objectAt(document, resolved['schema']),
    });
  }
  return keys;
}

const numberOf = (schema: JsonObject, keyword: string): number | null => (typeof schema[keyword] === 'number' ? schema[keyword] : null);

/** How the key format changed: stricter (a key valid today may be refused) or looser. */
function formatChange(before: JsonObject, after: JsonObject): { stricter: string[]; looser: string[] } {
  const stricter: string[] = [];
  const looser: string[] = [];
  const show = (value: unknown): string => (value === null || value === undefined ? 'none' : String(value));
  const [maxBefore, maxAfter] = [numberOf(before, 'maxLength'), numberOf(after, 'maxLength')];
  if (maxBefore !== maxAfter) {
    (maxAfter !== null && (maxBefore === null || maxAfter < maxBefore) ? stricter : looser).push(`maxLength ${show(maxBefore)} → ${show(maxAfter)}`);
  }
  const [minBefore, minAfter] = [numberOf(before, 'minLength'), numberOf(after, 'minLength')];
  if (minBefore !== minAfter) ((minAfter ?? 0) > (minBefore ?? 0) ? stricter : looser).push(`minLength ${show(minBefore)} → ${show(minAfter)}`);
  // A pattern cannot be proven looser than another in general: any new pattern may refuse today's keys.
  if (before['pattern'] !== after['pattern']) {
    (after['pattern'] === undefined ? looser : stricter).push(`pattern ${show(before['pattern'])} → ${show(after['pattern'])}`);
  }
  if (before['type'] !== after['type']) stricter.push(`type ${show(before['type'])} → ${show(after['type'])}`);
  return { stricter, looser };
}

const FORMAT_CHECKS = { stricter: 'idempotency-key-format-changed', looser: 'idempotency-key-format-widened' } as const;

export const idempotencyRule: Rule = {
  checks: ['idempotency-key-removed', 'idempotency-key-added', 'idempotency-key-required', ...Object.values(FORMAT_CHECKS)],
  run(base, head) {
    const before = keysOf(base.document);
    const changes: Change[] = [];
    const formats = new Map<string, { check: string; definedAt: string; detail: string; writes: KeyParameter[] }>();
    const change = (check: string, parameter: KeyParameter, at: string, message: string): Change => ({
      check,
      operation: parameter.operation,
      pointer: at,
      document: 'bundle',
      message,
      ...(parameter.anchor ? { anchor: parameter.anchor } : {}),
    });
    for (const [key, now] of keysOf(head.document)) {
      const old = before.get(key);
      if (old === undefined) continue;
      if (old && !now) {
        changes.push(
          change('idempotency-key-removed', old, old.listedAt, 'no longer takes Idempotency-Key: a retried request may be carried out twice (a double charge)'),
        );
      } else if (!old && now) {
        changes.push(change('idempotency-key-added', now, now.listedAt, 'now takes Idempotency-Key: its retries can be made safe'));
      } else if (old && now) {
        if (!old.required && now.required) {
          changes.push(change('idempotency-key-required', now, now.listedAt, 'Idempotency-Key is now required: requests without one are refused'));
        }
        const format = formatChange(old.schema, now.schema);
        for (const direction of ['stricter', 'looser'] as const) {
          if (format[direction].length === 0) continue;
          const check = FORMAT_CHECKS[direction];
          const entry = formats.get(check + now.definedAt) ?? { check, definedAt: now.definedAt, detail: format[direction].join(', '), writes: [] };
          entry.writes.push(now);
          formats.set(check + now.definedAt, entry);
        }
      }
    }
    for (const { check, definedAt, detail, writes } of formats.values()) {
      const consequence = check === FORMAT_CHECKS.stricter ? ': keys clients generate today may be refused' : '';
      if (definedAt.startsWith('/components/')) {
        changes.push({
          check,
          operation: null,
          pointer: `${definedAt}/schema`,
          document: 'bundle',
          message: `Idempotency-Key ${detail} for ${writes.length} writes${consequence}`,
        });
      } else {
        for (const write of writes) changes.push(change(check, write, `${definedAt}/schema`, `Idempotency-Key ${detail}${consequence}`));
      }
    }
    return changes;
  },
};
