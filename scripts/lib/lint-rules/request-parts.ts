// The parts of an operation's request that carry examples, and the names of its response examples: read by
// the rules on request examples.
import type { Location, Oas3MediaType, Oas3Operation, Oas3Parameter, UserContext } from '@redocly/openapi-core';
import { LIST_CURSOR } from '../../../contract-core/conventions.ts';
import { readListedCode, ruleApplies } from '../expand-errors.ts';
import { catalog, isErrorStatus, xErrors } from './common.ts';

/**
 * The names of an operation's response examples: of its successes, and of its errors (named by code). In
 * openapi/ the catalog has not added the error responses yet: there they are the codes the build will give
 * the operation (its `x-errors` and the catalog's rules for its kind).
 */
export function responseExampleNames(operation: Oas3Operation, parts: readonly RequestPart[], ctx: UserContext): { success: string[]; errors: string[] } {
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
export interface RequestPart {
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
export const overOperations = (check: (operation: Oas3Operation, parts: RequestPart[], ctx: UserContext) => void) => ({
  Paths: {
    PathItem: {
      Operation(operation: Oas3Operation, ctx: UserContext, parents: { PathItem?: PathItemNode }) {
        check(operation, requestParts(operation, parents.PathItem, ctx), ctx);
      },
    },
  },
});

/** Every string in a JSON value. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  return value !== null && typeof value === 'object' ? Object.values(value).flatMap(stringsOf) : [];
}
