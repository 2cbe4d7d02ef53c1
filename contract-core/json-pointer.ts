// JSON pointers (RFC 6901), written and read in one place: the response check's pointers into a body, the
// bundle's local `$ref`s, the links' runtime expressions (`$response.body#/id`) and the diff's locations.
// Hand-written rather than a library: ARCHITECTURE.md, "Hand-written, or a library".

/** A segment escaped for a pointer: `~` as `~0`, `/` as `~1`. */
export const escapeSegment = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** A pointer from its segments: pointerOf('paths', '/v2/customers', 'post') = '/paths/~1v2~1customers/post'. */
export const pointerOf = (...segments: readonly (string | number)[]): string => segments.map((segment) => `/${escapeSegment(String(segment))}`).join('');

/** The segments of a pointer, unescaped; the empty pointer (the whole document) has none. */
export const segmentsOf = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));

/** A member of an object, or an element of an array by its index (digits, no leading zero); else undefined. */
function childOf(node: unknown, key: string): unknown {
  if (Array.isArray(node)) return /^(0|[1-9]\d*)$/.test(key) ? node[Number(key)] : undefined;
  return typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
}

/**
 * The value `pointer` names in `root`, or undefined where nothing is; `through` is applied to each node before
 * it is stepped into (a `$ref` followed, for the pointers of a dereferenced document).
 */
export const valueAt = (root: unknown, pointer: string, through: (node: unknown) => unknown = (node) => node): unknown =>
  segmentsOf(pointer).reduce((node, key) => childOf(through(node), key), root);
