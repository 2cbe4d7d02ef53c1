// Lint rule `contract/links-cover-ids`: every operation whose path takes the ID of an object another operation
// creates is the target of an OpenAPI `link` from that creation's success response, which hands it the new
// object's `id` (`$response.body#/id`). A tool that chains calls (`verify --generate`, Schemathesis, others)
// then knows that a created payment flow is the one to confirm, capture, refund and read back.
// The creation of `/v2/things/{thing_id}...` is `POST /v2/things` (the collection the ID's path is under).
import type { Location, Oas3Operation, Oas3Rule, UserContext } from '@redocly/openapi-core';

export interface LinkedOperation {
  operationId: string;
  method: string;
  template: string;
  /** Its success responses' links: the operation each names and the parameters it hands over. */
  links: { operationId: string; parameters: Record<string, unknown> }[];
}

export interface MissingLink {
  creator: LinkedOperation;
  target: LinkedOperation;
  parameter: string;
}

/** The expression that hands over the created object's ID. */
export const CREATED_ID = '$response.body#/id';

/** The links that are missing: for each creation, each operation under its collection's `/{id}` without one. */
export function missingLinks(operations: readonly LinkedOperation[]): MissingLink[] {
  const missing: MissingLink[] = [];
  for (const creator of operations.filter((op) => op.method === 'post')) {
    const prefix = `${creator.template}/{`;
    for (const target of operations.filter((op) => op.template.startsWith(prefix))) {
      const parameter = target.template.slice(prefix.length).split('}', 1)[0]!;
      const linked = creator.links.some((link) => link.operationId === target.operationId && link.parameters[parameter] === CREATED_ID);
      if (!linked) missing.push({ creator, target, parameter });
    }
  }
  return missing;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const linksCoverIds: Oas3Rule = () => {
  const operations: (LinkedOperation & { location: Location })[] = [];
  let template = '';
  return {
    PathItem(_: object, ctx: UserContext) {
      template = String(ctx.key);
    },
    Operation(operation: Oas3Operation, ctx: UserContext) {
      // Operations under `paths` only: a webhook is a request PAY.JP sends, not a call to chain.
      if (!template.startsWith('/') || !operation.operationId) return;
      const responses = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      const links = responses.flatMap(([, response]) => {
        const resolved = ctx.resolve(response).node as { links?: Record<string, unknown> } | undefined;
        return Object.values(resolved?.links ?? {}).map((node) => {
          const link = (ctx.resolve(node as object).node ?? {}) as { operationId?: unknown; parameters?: unknown };
          return { operationId: String(link.operationId ?? ''), parameters: isObject(link.parameters) ? link.parameters : {} };
        });
      });
      const success = responses[0]?.[0];
      operations.push({
        operationId: operation.operationId,
        method: String(ctx.key),
        template,
        links,
        location: success ? ctx.location.child(['responses', success]) : ctx.location,
      });
    },
    Root: {
      leave(_: object, ctx: UserContext) {
        for (const { creator, target, parameter } of missingLinks(operations)) {
          const { location } = creator as LinkedOperation & { location: Location };
          ctx.report({
            message: `${creator.operationId} creates the ${parameter} that ${target.operationId} takes: its success response needs a link {operationId: ${target.operationId}, parameters: {${parameter}: '${CREATED_ID}'}}`,
            location: location.key(),
          });
        }
      },
    },
  };
};

export default linksCoverIds;
