// The conventions of the bundle that the build writes and every reader relies on, stated once. This module
// imports nothing, so that the build can use it before generated/ exists.

/** The media type of every error answer (RFC 9457; PAY.JP's published error specification). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The methods of an OpenAPI path item, in the order the specification lists them. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Methods that honour Idempotency-Key (PAY.JP's idempotency guide: POST, PUT, PATCH); the catalog's `writes`. */
export const WRITE_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch']);

/** A list operation takes the cursor `starting_after` (and answers a list envelope). */
export const LIST_CURSOR = 'starting_after';

/** The name under `components.examples` of the example of an error code. */
export const exampleName = (code: string): string => `problem.${code}`;

type JsonObject = Record<string, unknown>;
/** An operation object as written: the fields every reader looks at, typed; the rest unknown. */
export type OperationObject = JsonObject & { operationId?: string; parameters?: JsonObject[]; requestBody?: unknown; tags?: string[] };
export interface OperationRef {
  path: string;
  method: HttpMethod;
  operation: OperationObject;
}

/** Every operation of a document's `paths`, as written (no `$ref` followed). */
export function operationsOf(doc: JsonObject): OperationRef[] {
  const paths = (doc['paths'] ?? {}) as Record<string, JsonObject>;
  return Object.entries(paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method] !== undefined).map((method) => ({ path, method, operation: item[method] as OperationObject })),
  );
}
