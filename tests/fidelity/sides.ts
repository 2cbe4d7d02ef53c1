// What a client sees of one operation, on both sides: the request it sends (body, query and path
// parameters) and the success body it parses. Absent parts are `undefined` and optional parts include it,
// so whether a body or a query object must be sent is compared too.
import type { operations, paths } from '../../generated/api.d.ts';

/** Whether two types are identical (not merely assignable both ways). */
export type Equals<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
/** The operations of our paths (openapi-typescript's `operations` also holds the webhooks'). */
type PathOperation = { [P in keyof paths]: paths[P][keyof paths[P] & ('get' | 'post' | 'put' | 'patch' | 'delete')] }[keyof paths];
type IsOneOf<T, U> = U extends unknown ? Equals<T, U> : never;

/** The operationIds of our bundle's paths. */
export type OperationId = { [K in keyof operations]: true extends IsOneOf<operations[K], PathOperation> ? K : never }[keyof operations];

/** The JSON inside an openapi-typescript request body or response; `undefined` and `never` pass through. */
type Json<T> = T extends { content: { 'application/json': infer J } } ? J : T;

/** Our contract of one operation, read from generated/api.d.ts. */
export type Ours<K extends OperationId> = {
  response: Json<operations[K]['responses'][200]>;
  body: Json<operations[K]['requestBody']>;
  query: operations[K]['parameters']['query'];
  path: operations[K]['parameters']['path'];
};

/** The published client's view of one operation: its `<Op>Data` and `<Op>Responses`. */
export type Theirs<Data extends { body?: unknown; query?: unknown; path?: unknown }, Responses extends { 200: unknown }> = {
  response: Responses[200];
  // An optional body their client types as `X | null` is sent as no body at all.
  body: Exclude<Data['body'], null>;
  query: Data['query'];
  path: Data['path'];
};
