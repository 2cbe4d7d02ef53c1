// JSON helpers for reading bundles: local `$ref`s and JSON pointers (RFC 6901).
export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const escapeSegment = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');
const unescapeSegment = (segment: string): string => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/** A JSON pointer from its segments: pointer('paths', '/v2/customers', 'post') = '/paths/~1v2~1customers/post'. */
export const pointer = (...segments: readonly (string | number)[]): string => segments.map((segment) => `/${escapeSegment(String(segment))}`).join('');

/** The value at a pointer, following `$ref`s on the way (pointers here address the dereferenced document). */
export function at(document: JsonObject, path: string): unknown {
  if (path === '') return document;
  return path
    .slice(1)
    .split('/')
    .map(unescapeSegment)
    .reduce<unknown>((node, key) => {
      const here = resolve(document, node);
      if (Array.isArray(here)) return here[Number(key)];
      return isObject(here) ? here[key] : undefined;
    }, document);
}

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
