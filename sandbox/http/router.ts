// Matches a method and a path to a route of the table: static segments first, `{name}` segments capture.
import type { Route } from '../resources/route.ts';

interface Compiled {
  route: Route;
  segments: readonly string[];
  /** Position and name of each parameter segment. */
  params: readonly (readonly [number, string])[];
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  // `${method} ${segment count}` → candidates; static routes sort before parameterised ones.
  readonly #table = new Map<string, Compiled[]>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      const segments = route.path.split('/');
      const params = segments.flatMap((segment, index) => (segment.startsWith('{') ? [[index, segment.slice(1, -1)] as const] : []));
      const key = `${route.method} ${segments.length}`;
      const list = this.#table.get(key) ?? [];
      if (list.some((other) => other.route.path === route.path))
        throw new Error(`sandbox: ${route.method} ${route.path} is routed twice (${route.operationId})`);
      list.push({ route, segments, params });
      list.sort((a, b) => a.params.length - b.params.length);
      this.#table.set(key, list);
    }
  }

  /** The methods the path has routes for, sorted (the `Allow` of a request with another method). */
  methodsOf(path: string): string[] {
    const methods = new Set<string>();
    for (const key of this.#table.keys()) {
      const method = key.slice(0, key.indexOf(' '));
      if (!methods.has(method) && this.match(method, path)) methods.add(method);
    }
    return [...methods].sort();
  }

  match(method: string, path: string): Match | undefined {
    const segments = path.split('/');
    const candidates = this.#table.get(`${method} ${segments.length}`);
    if (!candidates) return undefined;
    for (const candidate of candidates) {
      if (!candidate.segments.every((segment, i) => (segment.startsWith('{') ? segments[i] !== '' : segment === segments[i]))) continue;
      const params: Record<string, string> = {};
      for (const [index, name] of candidate.params) params[name] = decode(segments[index]!);
      return { route: candidate.route, params };
    }
    return undefined;
  }
}

/** A malformed escape is kept as sent: it names no object, so the lookup answers 404. */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
