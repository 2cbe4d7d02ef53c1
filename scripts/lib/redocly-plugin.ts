// Our lint rules, as a Redocly plugin (named in redocly.yaml, so editors and `redocly lint` run them too).
// Source rules see openapi/ and report file and line; bundle rules see what the catalog added.
import type { Oas3MediaType, Oas3Operation, Oas3Response, Oas3Rule, Plugin, UserContext } from '@redocly/openapi-core';
import { SOURCES, everyOperationStatuses, loadCatalog } from './catalog.ts';
import { PROBLEM_MEDIA_TYPE, WRITE_METHODS } from '../../contract-core/conventions.ts';
import { readListedCode } from './expand-errors.ts';

const catalog = new Map(loadCatalog().map((def) => [def.code, def]));
const BASELINE_STATUSES = everyOperationStatuses([...catalog.values()]);
const WRITE_CODES = [...catalog.values()].filter((def) => def.appliesTo === 'writes').map((def) => def.code);

/** The `x-errors` extension, which Redocly's operation type does not declare. */
const xErrors = (operation: Oas3Operation): unknown => (operation as { 'x-errors'?: unknown })['x-errors'];
const isErrorStatus = (status: string): boolean => /^[45]/.test(status);
const label = (operation: Oas3Operation, ctx: UserContext): string =>
  operation.operationId ?? `${String(ctx.key).toUpperCase()} operation`;

/** `x-errors` lists catalog codes only (bare, or with the reason we add them), and error responses come from the catalog, never by hand. */
const errorCodesKnown: Oas3Rule = () => ({
  Operation(operation: Oas3Operation, ctx: UserContext) {
    const listed = xErrors(operation);
    if (listed !== undefined && !Array.isArray(listed)) {
      ctx.report({ message: 'x-errors must be a list of error codes', location: ctx.location.child('x-errors') });
      return;
    }
    (listed ?? []).forEach((entry: unknown, index: number) => {
      const read = readListedCode(entry);
      if (!read) {
        ctx.report({
          message: `${label(operation, ctx)}: an x-errors entry is a code the client names for this operation, or {code: why we add it}; got ${JSON.stringify(entry)}`,
          location: ctx.location.child(['x-errors', index]),
        });
      } else if (!catalog.has(read.code)) {
        ctx.report({
          message: `${label(operation, ctx)}: unknown error code '${read.code}': it is not in openapi/errors/catalog.yaml`,
          location: ctx.location.child(['x-errors', index]),
        });
      }
    });
    for (const status of Object.keys(operation.responses ?? {}).filter(isErrorStatus)) {
      ctx.report({
        message: `${label(operation, ctx)}: response ${status} is written by hand; list its codes in x-errors and the catalog writes it`,
        location: ctx.location.child(['responses', status]).key(),
      });
    }
  },
});

/** Writes take an Idempotency-Key (the shared parameter, so its format rule is stated once). */
const idempotencyKeyOnWrites: Oas3Rule = () => ({
  // Operations under `paths` only: webhooks are requests PAY.JP sends to you, not calls to the API.
  Paths: {
    Operation(operation: Oas3Operation, ctx: UserContext) {
      if (!WRITE_METHODS.has(String(ctx.key))) return;
      const hasKey = (operation.parameters ?? []).some((p) => {
        const resolved = ctx.resolve(p).node;
        return resolved?.in === 'header' && resolved.name === 'Idempotency-Key';
      });
      if (!hasKey) {
        ctx.report({ message: `${label(operation, ctx)}: a ${String(ctx.key).toUpperCase()} needs the Idempotency-Key header parameter`, location: ctx.location.key() });
      }
    },
  },
});

/** Every success response shows an example, so that the mock answers with realistic data. */
const successExample: Oas3Rule = () => ({
  Response: {
    skip: (_response: unknown, key: string | number) => !/^2/.test(String(key)),
    MediaType(media: Oas3MediaType, ctx: UserContext) {
      if (media.example === undefined && media.examples === undefined) {
        ctx.report({ message: 'a success response needs an example', location: ctx.location.key() });
      }
    },
  },
});

const RFC3339_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/;

/** The first string in `value` that is a date-time, with its JSON pointer. */
function firstTime(value: unknown, pointer = ''): { pointer: string; time: string } | undefined {
  if (typeof value === 'string') return RFC3339_TIME.test(value) ? { pointer: pointer || '/', time: value } : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = firstTime(item, `${pointer}/${key}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * Request bodies' examples hold no literal times: a tool that sends the example (our runner, Dredd, Prism,
 * Specmatic) would send a time that goes stale; `expires_at` of a checkout session did, on 2026-11-24.
 */
const noTimeInRequestExample: Oas3Rule = () => ({
  // Operations under `paths` only: a webhook's body is an event PAY.JP sends, whose times are past moments.
  Paths: {
    RequestBody: {
      MediaType(media: Oas3MediaType, ctx: UserContext) {
        const examples: [string, unknown][] = [['example', media.example]];
        for (const [name, example] of Object.entries(media.examples ?? {})) examples.push([`examples/${name}`, ctx.resolve(example).node?.value]);
        for (const [where, example] of examples) {
          const found = firstTime(example);
          if (!found) continue;
          ctx.report({
            message: `a request example holds the literal time ${found.time} at ${where}${found.pointer === '/' ? '' : found.pointer}: it goes stale; leave the field out of the example (clients compute times from now)`,
            location: ctx.location.child(where.split('/')),
          });
        }
      },
    },
  },
});

/** Bundle: every 4xx/5xx is RFC 9457 problem+json and nothing else. */
const problemMediaType: Oas3Rule = () => ({
  Response(response: Oas3Response, ctx: UserContext) {
    if (!isErrorStatus(String(ctx.key))) return;
    const types = Object.keys(response.content ?? {});
    if (types.length !== 1 || types[0] !== PROBLEM_MEDIA_TYPE) {
      ctx.report({ message: `error response ${String(ctx.key)} must have exactly ${PROBLEM_MEDIA_TYPE} content (has ${types.join(', ') || 'none'})`, location: ctx.location.key() });
    }
  },
});

/** Bundle: every operation documents the statuses of the codes that apply to every operation; writes also the idempotency errors. */
const baselineErrors: Oas3Rule = () => ({
  // Operations under `paths` only: webhooks are requests PAY.JP sends to you, not calls to the API.
  Paths: {
    Operation(operation: Oas3Operation, ctx: UserContext) {
      const statuses = Object.keys(operation.responses ?? {});
      const missing = BASELINE_STATUSES.filter((status) => !statuses.includes(status));
      const codes = (xErrors(operation) ?? []) as string[];
      const missingCodes = WRITE_METHODS.has(String(ctx.key)) ? WRITE_CODES.filter((code) => !codes.includes(code)) : [];
      if (missing.length + missingCodes.length > 0) {
        ctx.report({
          message: `${label(operation, ctx)}: missing ${[...missing.map((s) => `response ${s}`), ...missingCodes].join(', ')}`,
          location: ctx.location.key(),
        });
      }
    },
  },
});

/** Schema keywords that state a rule beyond the shape (a format, a limit): each says its source (`propertyNames` holds a schema whose keywords do). */
export const EVIDENCED_KEYWORDS = ['format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'multipleOf'] as const;

/** What is wrong with an `x-evidence` entry (`{source, reason}`, a reason for an inferred one), or undefined. */
function evidenceProblem(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'must be {source, reason}';
  const { source, reason, ...rest } = entry as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `has unknown field '${Object.keys(rest)[0]}' (only source and reason)`;
  if (!(SOURCES as readonly unknown[]).includes(source)) return `source must be one of ${SOURCES.join(', ')} (got ${JSON.stringify(source)})`;
  if (reason !== undefined && (typeof reason !== 'string' || reason.trim() === '')) return 'reason must be a non-empty string';
  if (source === 'inferred' && reason === undefined) return 'is inferred: say why in a reason';
  return undefined;
}

/**
 * Every constraint of a schema (the keywords above, and `additionalProperties: false`) carries its evidence in
 * the schema's `x-evidence`, keyed by the keyword; every webhook says where its event type comes from. The
 * contract tests grade a breach by it (an inferred rule is a warning against a remote server).
 */
const evidenceOnRules: Oas3Rule = () => {
  const check = (node: Record<string, unknown>, ctx: UserContext, required: string[], what: string): void => {
    const evidence = node['x-evidence'];
    if (required.length === 0 && evidence === undefined) return;
    if (typeof evidence !== 'object' || evidence === null || Array.isArray(evidence)) {
      ctx.report({ message: `${what} needs x-evidence: {${required.map((k) => `${k}: {source, reason}`).join(', ')}} (source: ${SOURCES.join(', ')})`, location: ctx.location.key() });
      return;
    }
    const given = evidence as Record<string, unknown>;
    for (const key of required) {
      const problem = given[key] === undefined ? 'is missing' : evidenceProblem(given[key]);
      if (problem) ctx.report({ message: `${what}: x-evidence.${key} ${problem}`, location: ctx.location.child(['x-evidence', ...(given[key] === undefined ? [] : [key])]) });
    }
    for (const key of Object.keys(given).filter((k) => !required.includes(k))) {
      ctx.report({ message: `${what}: x-evidence.${key} has no rule to back (the node has no ${key})`, location: ctx.location.child(['x-evidence', key]).key() });
    }
  };
  return {
    Schema(schema: object, ctx: UserContext) {
      const node = schema as Record<string, unknown>;
      const required = [...EVIDENCED_KEYWORDS.filter((k) => node[k] !== undefined), ...(node['additionalProperties'] === false ? ['additionalProperties'] : [])];
      check(node, ctx, required, 'a schema constraint');
    },
    WebhooksMap: {
      Operation(operation: Oas3Operation, ctx: UserContext) {
        check(operation as unknown as Record<string, unknown>, ctx, ['event_type'], `webhook ${operation.operationId ?? ''}`.trim());
      },
    },
  };
};

const plugin = (): Plugin => ({
  id: 'contract',
  rules: {
    oas3: {
      'error-codes-known': errorCodesKnown,
      'idempotency-key-on-writes': idempotencyKeyOnWrites,
      'success-example': successExample,
      'no-time-in-request-example': noTimeInRequestExample,
      'problem-media-type': problemMediaType,
      'baseline-errors': baselineErrors,
      'evidence-on-rules': evidenceOnRules,
    },
  },
});

export default plugin;
