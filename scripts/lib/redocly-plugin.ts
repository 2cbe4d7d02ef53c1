// Our lint rules, as a Redocly plugin (named in redocly.yaml, so editors and `redocly lint` run them too).
// Source rules see openapi/ and report file and line; bundle rules see what the catalog added.
import type {
  Location,
  Oas3MediaType,
  Oas3Operation,
  Oas3Parameter,
  Oas3Response,
  Oas3Rule,
  Oas3Schema,
  Oas3_1Schema,
  Plugin,
  UserContext,
} from '@redocly/openapi-core';
import { ABSENT_OBJECT_EXAMPLES, EXAMPLE_IDS, isObjectId } from '../../contract-core/example-objects.ts';
import { PARAMETER_RULES_KEY, readParameterRules } from '../../contract-core/parameter-rules.ts';
import { SOURCES, everyOperationStatuses, loadCatalog } from './catalog.ts';
import { PROBLEM_MEDIA_TYPE, WRITE_METHODS } from '../../contract-core/conventions.ts';
import { readListedCode, ruleApplies } from './expand-errors.ts';
import { LIST_CURSOR } from '../../contract-core/conventions.ts';
import { linksCoverIds } from './links-cover-ids.ts';

const catalog = new Map(loadCatalog().map((def) => [def.code, def]));
const BASELINE_STATUSES = everyOperationStatuses([...catalog.values()]);
const WRITE_CODES = [...catalog.values()].filter((def) => def.appliesTo === 'writes').map((def) => def.code);

/** The `x-errors` extension, which Redocly's operation type does not declare. */
const xErrors = (operation: Oas3Operation): unknown => (operation as { 'x-errors'?: unknown })['x-errors'];
const isErrorStatus = (status: string): boolean => /^[45]/.test(status);
const label = (operation: Oas3Operation, ctx: UserContext): string => operation.operationId ?? `${String(ctx.key).toUpperCase()} operation`;

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
        ctx.report({
          message: `${label(operation, ctx)}: a ${String(ctx.key).toUpperCase()} needs the Idempotency-Key header parameter`,
          location: ctx.location.key(),
        });
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

/**
 * Every number has bounds (`minimum` and `maximum`), each with its evidence in `x-evidence`: a tool that
 * generates requests (Specmatic) otherwise sends 19-digit values, which a server rounds (JSON numbers hold
 * integers exactly up to 2^53 − 1 only) and then judges as some other number.
 */
/**
 * The keywords written next to a schema's `$ref` (OpenAPI 3.1 takes them, and they apply with the referenced
 * schema), or undefined for another node. Redocly hands the `Schema` visitors the referenced schema alone, so
 * the rules on constraints read these through the `ref` visitor.
 */
function schemaRefSiblings(node: object, ctx: UserContext): Record<string, unknown> | undefined {
  if (ctx.type.name !== 'Schema') return undefined;
  const { $ref: _, ...siblings } = node as Record<string, unknown>;
  return Object.keys(siblings).length > 0 ? siblings : undefined;
}

/** The bounds a number schema lacks (`minimum`, `maximum`, or their exclusive forms); none for another type. */
function missingBounds(schema: Record<string, unknown>): string[] {
  const types = [schema['type']].flat();
  if (!types.includes('integer') && !types.includes('number')) return [];
  return [
    schema['minimum'] === undefined && schema['exclusiveMinimum'] === undefined ? 'minimum' : '',
    schema['maximum'] === undefined && schema['exclusiveMaximum'] === undefined ? 'maximum' : '',
  ].filter(Boolean);
}

const numberBounds: Oas3Rule = () => {
  const report = (missing: string[], ctx: UserContext): void => {
    if (missing.length > 0)
      ctx.report({
        message: `a number without ${missing.join(' and ')}: give the bounds the API has, with their evidence in x-evidence (published, client, or inferred and why)`,
        location: ctx.location.key(),
      });
  };
  return {
    Schema(schema: Oas3Schema | Oas3_1Schema, ctx: UserContext) {
      report(missingBounds(schema as Record<string, unknown>), ctx);
    },
    // A number typed or bounded next to a $ref: the referenced schema with the keywords beside it.
    ref(node: object, ctx: UserContext, resolved: { node: unknown }) {
      const siblings = schemaRefSiblings(node, ctx);
      if (siblings && typeof resolved.node === 'object' && resolved.node !== null) report(missingBounds({ ...resolved.node, ...siblings }), ctx);
    },
  };
};

/**
 * The names of an operation's response examples: of its successes, and of its errors (named by code). In
 * openapi/ the catalog has not added the error responses yet: there they are the codes the build will give
 * the operation (its `x-errors` and the catalog's rules for its kind).
 */
function responseExampleNames(operation: Oas3Operation, parts: readonly RequestPart[], ctx: UserContext): { success: string[]; errors: string[] } {
  const names = (statuses: (status: string) => boolean): string[] =>
    Object.entries(operation.responses ?? {})
      .filter(([status]) => statuses(status))
      .flatMap(([, response]) =>
        Object.values(ctx.resolve(response).node?.content ?? {}).flatMap((media) => Object.keys((media as Oas3MediaType).examples ?? {})),
      );
  const errors = names(isErrorStatus);
  if (errors.length > 0) return { success: names((status) => /^2/.test(status)), errors };
  const facts = {
    method: String(ctx.key),
    hasBody: operation.requestBody !== undefined,
    hasPathId: parts.some((p) => p.parameter === 'path'),
    isList: parts.some((p) => p.node.name === LIST_CURSOR),
  };
  const listed = Array.isArray(xErrors(operation)) ? (xErrors(operation) as unknown[]).map((entry) => readListedCode(entry)?.code) : [];
  const byRule = [...catalog.values()].filter((def) => def.appliesTo !== null && ruleApplies(def.appliesTo, facts)).map((def) => def.code);
  return { success: names((status) => /^2/.test(status)), errors: [...byRule, ...listed.filter((code): code is string => code !== undefined)] };
}

type ExampleHolder = { example?: unknown; examples?: Record<string, unknown> };
/** A parameter or a request body media type as resolved, with where it is written. */
interface RequestPart {
  node: ExampleHolder & Partial<Pick<Oas3Parameter, 'name' | 'in'>>;
  location: Location;
  /** Set for a parameter: whether it is a path parameter. */
  parameter?: 'path' | 'other';
}
type PathItemNode = { parameters?: unknown[] };

/** The parts of an operation's request that carry examples: its path item's parameters, its own, its body's media types. */
function requestParts(operation: Oas3Operation, pathItem: PathItemNode | undefined, ctx: UserContext): RequestPart[] {
  const parameters = (list: unknown[] | undefined, where: Location | undefined): RequestPart[] =>
    (list ?? []).map((p, index) => {
      const resolved = ctx.resolve(p as Oas3Parameter);
      const node = (resolved.node ?? {}) as RequestPart['node'];
      return { node, location: resolved.location ?? (where ?? ctx.location).child(['parameters', index]), parameter: node.in === 'path' ? 'path' : 'other' };
    });
  const body = operation.requestBody && ctx.resolve(operation.requestBody).node;
  return [
    ...parameters(pathItem?.parameters, ctx.parentLocations['PathItem']),
    ...parameters(operation.parameters, ctx.location),
    ...Object.entries(body?.content ?? {}).map(([type, media]) => ({
      node: media as ExampleHolder,
      location: ctx.location.child(['requestBody', 'content', type]),
    })),
  ];
}

/** A rule over the operations under `paths` (webhooks are requests PAY.JP sends, not calls to the API), with their request parts. */
const overOperations = (check: (operation: Oas3Operation, parts: RequestPart[], ctx: UserContext) => void) => ({
  Paths: {
    PathItem: {
      Operation(operation: Oas3Operation, ctx: UserContext, parents: { PathItem?: PathItemNode }) {
        check(operation, requestParts(operation, parents.PathItem, ctx), ctx);
      },
    },
  },
});

/**
 * Request examples are named as the response example they produce (`examples: {captured: …}` beside a `200`
 * example `captured`; an error's examples are named by its code, `not_found`), so that example-driven tools
 * (Specmatic pairs request and response examples by name) send each example as written:
 * - a request body has no bare `example`, and each of its examples names a response example of the operation;
 * - every success example has its request: an example of that name in the body, if the operation has one;
 * - every request (of a success, or named by an answer in some part) has its example in each path parameter
 *   written with named examples (a bare `example` serves every request);
 * - each named example of a parameter is named as a response example of an operation that uses it.
 */
const namedRequestExamples: Oas3Rule = () => {
  /** Per parameter written with named examples: the parameter, and the response example names of the operations using it. */
  const answered = new Map<string, { part: RequestPart; names: Set<string> }>();
  return {
    ...overOperations((operation, parts, ctx) => {
      const { success, errors } = responseExampleNames(operation, parts, ctx);
      const isResponseExample = (name: string): boolean => success.includes(name) || errors.includes(name);
      // The requests the operation's examples make: its successes', and those named as one of its answers.
      const requests = new Set([...success, ...parts.flatMap((part) => Object.keys(part.node.examples ?? {})).filter(isResponseExample)]);
      for (const part of parts.filter((p) => p.parameter === undefined)) {
        if (part.node.example !== undefined) {
          ctx.report({
            message: `${label(operation, ctx)}: a request example needs a name: write it under examples, named as the response example it produces`,
            location: part.location.child('example').key(),
          });
        }
        const named = Object.keys(part.node.examples ?? {});
        for (const name of named.filter((n) => !isResponseExample(n))) {
          ctx.report({
            message: `${label(operation, ctx)}: request example '${name}' names no response example of the operation (successes: ${success.join(', ') || 'none'}; errors: their codes): name it as the answer it produces`,
            location: part.location.child(['examples', name]).key(),
          });
        }
        for (const name of success.filter((n) => !named.includes(n))) {
          ctx.report({
            message: `${label(operation, ctx)}: success example '${name}' has no request example of that name in the request body: example-driven tools then send a body of their own making`,
            location: part.location.key(),
          });
        }
      }
      for (const part of parts.filter((p) => p.parameter !== undefined && p.node.examples !== undefined)) {
        const entry = answered.get(part.location.absolutePointer) ?? { part, names: new Set<string>() };
        [...success, ...errors].forEach((name) => entry.names.add(name));
        answered.set(part.location.absolutePointer, entry);
        if (part.parameter !== 'path') continue;
        for (const name of [...requests].filter((n) => part.node.examples?.[n] === undefined)) {
          ctx.report({
            message: `${label(operation, ctx)}: ${success.includes(name) ? 'success example' : 'request'} '${name}' has no example of that name in path parameter ${part.node.name}: example-driven tools then invent the ID`,
            location: part.location.child('examples').key(),
          });
        }
      }
    }),
    Root: {
      leave(_root: unknown, ctx: UserContext) {
        for (const { part, names } of answered.values()) {
          for (const name of Object.keys(part.node.examples ?? {}).filter((n) => !names.has(n))) {
            ctx.report({
              message: `parameter ${part.node.name}: example '${name}' is named as no response example of the operations that use it`,
              location: part.location.child(['examples', name]).key(),
            });
          }
        }
      },
    },
  };
};

/**
 * The objects a request example names exist in a fresh sandbox (contract-core/example-objects.ts, which the
 * sandbox's seed makes), so that the example, sent there, gets the answer it is named after; a request named
 * `not_found` or `resource_missing` names something that does not exist. The request of a name is the
 * examples of that name (body and parameters) and the parameters' bare examples.
 */
const exampleIdsSeeded: Oas3Rule = () => {
  const reported = new Set<string>();
  const report = (ctx: UserContext, where: Location, message: string): void => {
    if (reported.has(`${where.absolutePointer} ${message}`)) return;
    reported.add(`${where.absolutePointer} ${message}`);
    ctx.report({ message, location: where.key() });
  };
  return overOperations((operation, parts, ctx) => {
    const exampleValue = (example: unknown): unknown => (ctx.resolve(example as object).node as { value?: unknown } | undefined)?.value;
    const { success, errors } = responseExampleNames(operation, parts, ctx);
    // The requests of the operation: of its successes, and those named by one of its answers.
    const names = new Set(parts.flatMap(({ node }) => Object.keys(node.examples ?? {})).filter((name) => success.includes(name) || errors.includes(name)));
    for (const name of [undefined, ...names]) {
      // Each part's example of this name, else its bare example.
      const values = parts.flatMap(({ node, location }) =>
        name !== undefined && node.examples?.[name] !== undefined
          ? [{ strings: stringsOf(exampleValue(node.examples[name])), at: location.child(['examples', name]), named: true }]
          : node.example !== undefined
            ? [{ strings: stringsOf(node.example), at: location.child('example'), named: false }]
            : [],
      );
      if (name !== undefined && ABSENT_OBJECT_EXAMPLES.has(name)) {
        const named = values.filter((v) => v.named);
        if (named.length > 0 && named.every(({ strings }) => strings.every((value) => EXAMPLE_IDS.has(value)))) {
          report(
            ctx,
            named[0]!.at,
            `${label(operation, ctx)}: request '${name}' names only objects a fresh sandbox holds: it must name one that does not exist`,
          );
        }
        continue;
      }
      for (const { strings, at } of values) {
        for (const id of strings.filter((value) => isObjectId(value) && !EXAMPLE_IDS.has(value))) {
          report(
            ctx,
            at,
            `example${name ? ` '${name}'` : ''} names ${id}, which a fresh sandbox does not hold: name an object of contract-core/example-objects.ts, or add it there and to sandbox/seed.ts`,
          );
        }
      }
    }
  });
};

/** Every string in a JSON value. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  return value !== null && typeof value === 'object' ? Object.values(value).flatMap(stringsOf) : [];
}

/** A description that states a relation between fields or parameters, in words a tool cannot read. */
const RELATION = /\bnot together with\b|\bnot both\b|\bmutually exclusive\b|\brequired when\b|\bonly with `|\bthis or `[^`]+` is required\b/i;
const SCHEMA_RELATIONS = ['anyOf', 'oneOf', 'if', 'not', 'dependentRequired', 'dependentSchemas'] as const;

/**
 * A relation stated in a description has its machine-readable counterpart: in the object's schema (`anyOf`,
 * `if`/`then`, `dependentRequired`…) for fields, in the operation's `x-parameter-rules` for query parameters
 * (OpenAPI cannot relate parameters). `x-parameter-rules` itself is the vocabulary of
 * contract-core/parameter-rules.ts and names the operation's query parameters only.
 */
const relationsInSchema: Oas3Rule = () => ({
  Schema(schema: Oas3Schema | Oas3_1Schema, ctx: UserContext) {
    if (SCHEMA_RELATIONS.some((keyword) => (schema as Record<string, unknown>)[keyword] !== undefined)) return;
    if (schema.properties === undefined) return; // a field's description is read with its object's schema
    const described = [
      ['', schema.description],
      ...Object.entries(schema.properties).map(([name, property]) => [name, ctx.resolve(property).node?.description]),
    ];
    for (const [name, description] of described) {
      if (typeof description !== 'string' || !RELATION.test(description)) continue;
      ctx.report({
        message: `${name ? `property ${name}: ` : ''}the description states a relation ("${RELATION.exec(description)![0]}") the schema does not: add its ${SCHEMA_RELATIONS.join('/')} counterpart`,
        location: name ? ctx.location.child(['properties', name]).key() : ctx.location.key(),
      });
    }
  },
  Paths: {
    Operation(operation: Oas3Operation, ctx: UserContext) {
      const where = ctx.location.child(PARAMETER_RULES_KEY);
      let rules: ReturnType<typeof readParameterRules>;
      try {
        rules = readParameterRules((operation as unknown as Record<string, unknown>)[PARAMETER_RULES_KEY], label(operation, ctx));
      } catch (error) {
        return ctx.report({ message: (error as Error).message, location: where });
      }
      const query = (operation.parameters ?? []).map((p) => ctx.resolve(p).node).filter((p) => p?.in === 'query');
      const names = new Set(query.map((p) => p!.name));
      const related = new Set(rules.flatMap((rule) => rule.mutuallyExclusive));
      for (const name of [...related].filter((n) => !names.has(n))) {
        ctx.report({
          message: `${label(operation, ctx)}: ${PARAMETER_RULES_KEY} names '${name}', which is not a query parameter of the operation`,
          location: where,
        });
      }
      for (const parameter of query) {
        if (parameter && typeof parameter.description === 'string' && RELATION.test(parameter.description) && !related.has(parameter.name)) {
          ctx.report({
            message: `${label(operation, ctx)}: parameter ${parameter.name}'s description states a relation ("${RELATION.exec(parameter.description)![0]}") that ${PARAMETER_RULES_KEY} does not`,
            location: ctx.location.key(),
          });
        }
      }
    },
  },
});

/** Bundle: every 4xx/5xx is RFC 9457 problem+json and nothing else. */
const problemMediaType: Oas3Rule = () => ({
  Response(response: Oas3Response, ctx: UserContext) {
    if (!isErrorStatus(String(ctx.key))) return;
    const types = Object.keys(response.content ?? {});
    if (types.length !== 1 || types[0] !== PROBLEM_MEDIA_TYPE) {
      ctx.report({
        message: `error response ${String(ctx.key)} must have exactly ${PROBLEM_MEDIA_TYPE} content (has ${types.join(', ') || 'none'})`,
        location: ctx.location.key(),
      });
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
const EVIDENCED_KEYWORDS = [
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'multipleOf',
] as const;

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
      ctx.report({
        message: `${what} needs x-evidence: {${required.map((k) => `${k}: {source, reason}`).join(', ')}} (source: ${SOURCES.join(', ')})`,
        location: ctx.location.key(),
      });
      return;
    }
    const given = evidence as Record<string, unknown>;
    for (const key of required) {
      const problem = given[key] === undefined ? 'is missing' : evidenceProblem(given[key]);
      if (problem)
        ctx.report({
          message: `${what}: x-evidence.${key} ${problem}`,
          location: ctx.location.child(['x-evidence', ...(given[key] === undefined ? [] : [key])]),
        });
    }
    for (const key of Object.keys(given).filter((k) => !required.includes(k))) {
      ctx.report({
        message: `${what}: x-evidence.${key} has no rule to back (the node has no ${key})`,
        location: ctx.location.child(['x-evidence', key]).key(),
      });
    }
  };
  const constraintsOf = (node: Record<string, unknown>): string[] => [
    ...EVIDENCED_KEYWORDS.filter((k) => node[k] !== undefined),
    ...(node['additionalProperties'] === false ? ['additionalProperties'] : []),
  ];
  return {
    Schema(schema: object, ctx: UserContext) {
      const node = schema as Record<string, unknown>;
      check(node, ctx, constraintsOf(node), 'a schema constraint');
    },
    // Constraints written next to a $ref, with their evidence beside them.
    ref(node: object, ctx: UserContext) {
      const siblings = schemaRefSiblings(node, ctx);
      if (siblings) check(siblings, ctx, constraintsOf(siblings), 'a schema constraint beside $ref');
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
      'number-bounds': numberBounds,
      'named-request-examples': namedRequestExamples,
      'example-ids-seeded': exampleIdsSeeded,
      'relations-in-schema': relationsInSchema,
      'problem-media-type': problemMediaType,
      'baseline-errors': baselineErrors,
      'evidence-on-rules': evidenceOnRules,
      'links-cover-ids': linksCoverIds,
    },
  },
});

export default plugin;
