// What several lint rules share: the catalog's facts and small readers of an operation.
import type { Oas3Operation, UserContext } from '@redocly/openapi-core';
import { everyOperationStatuses, loadCatalog } from '../catalog.ts';

export const catalog = new Map(loadCatalog().map((def) => [def.code, def]));
export const BASELINE_STATUSES = everyOperationStatuses([...catalog.values()]);
export const WRITE_CODES = [...catalog.values()].filter((def) => def.appliesTo === 'writes').map((def) => def.code);

/** The `x-errors` extension, which Redocly's operation type does not declare. */
export const xErrors = (operation: Oas3Operation): unknown => (operation as { 'x-errors'?: unknown })['x-errors'];
export const isErrorStatus = (status: string): boolean => /^[45]/.test(status);
export const label = (operation: Oas3Operation, ctx: UserContext): string => operation.operationId ?? `${String(ctx.key).toUpperCase()} operation`;

/**
 * The keywords written next to a schema's `$ref` (OpenAPI 3.1 takes them, and they apply with the referenced
 * schema), or undefined for another node. Redocly hands the `Schema` visitors the referenced schema alone, so
 * the rules on constraints read these through the `ref` visitor.
 */
export function schemaRefSiblings(node: object, ctx: UserContext): Record<string, unknown> | undefined {
  if (ctx.type.name !== 'Schema') return undefined;
  const { $ref: _, ...siblings } = node as Record<string, unknown>;
  return Object.keys(siblings).length > 0 ? siblings : undefined;
}
