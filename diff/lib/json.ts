// JSON helpers for reading bundles: local `$ref`s and JSON pointers (RFC 6901).
import { valueAt } from '../../contract-core/json-pointer.ts';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON pointer from its segments (contract-core/json-pointer.ts). */
export { pointerOf as pointer } from '../../contract-core/json-pointer.ts';

/** The value at a pointer, following `$ref`s on the way (pointers here address the dereferenced document). */
export const at = (document: JsonObject, path: string): unknown => valueAt(document, path, (node) => resolve(document, node));

/** Follows local `$ref`s (`#/components/...`) until a node that is not a reference; a cycle or a dangling one throws. */
export function resolve(document: JsonObject, node: unknown): unknown {
  const seen = new Set<string>();
  let current = node;
  while (isObject(current) && typeof current['$ref'] === 'string') {
    const ref = current['$ref'];
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are read, got ${ref}`);
    if (seen.has(ref)) throw new Error(`$ref cycle at ${ref}`);
    seen.add(ref);
    const target = at(document, ref.slice(1));
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    current = target;
  }
  return current;
}

/** The object a node resolves to, or an empty one. */
export const objectAt = (document: JsonObject, node: unknown): JsonObject => {
  const value = resolve(document, node);
  return isObject(value) ? value : {};
};
