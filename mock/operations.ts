// The bundle's operations, indexed for the front: which operation a request hits, and what it may answer.
import type { ErrorCode } from '../generated/error-catalog.ts';
import { isErrorCode } from '../generated/error-catalog.ts';

export type OpenApiDocument = { paths: Record<string, Record<string, unknown>> };

export type Operation = {
  operationId: string;
  method: string;
  template: string;
  /** The complete list of codes it may answer (the bundle's `x-errors`). */
  errors: ReadonlySet<ErrorCode>;
  hasBody: boolean;
};

export type Route = { template: string; segments: string[]; operations: Map<string, Operation> };

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type RawOperation = { operationId?: string; requestBody?: unknown; 'x-errors'?: unknown };

export function indexRoutes(document: OpenApiDocument): Route[] {
  return Object.entries(document.paths).map(([template, item]) => {
    const operations = new Map<string, Operation>();
    for (const method of METHODS) {
      const raw = item[method] as RawOperation | undefined;
      if (!raw) continue;
      const where = `${method.toUpperCase()} ${template}`;
      if (!raw.operationId) throw new Error(`bundle: ${where} has no operationId`);
      const codes = raw['x-errors'];
      if (!Array.isArray(codes) || !codes.every(isErrorCode)) {
        throw new Error(`bundle: ${where} (${raw.operationId}) has no x-errors list of catalog codes`);
      }
      operations.set(method, {
        operationId: raw.operationId,
        method,
        template,
        errors: new Set(codes),
        hasBody: raw.requestBody !== undefined,
      });
    }
    return { template, segments: template.split('/'), operations };
  });
}

const isParameter = (segment: string): boolean => segment.startsWith('{') && segment.endsWith('}');

/** The route a path matches; a literal segment beats a parameter at the first place they differ. */
export function matchRoute(routes: readonly Route[], pathname: string): Route | undefined {
  const segments = pathname.split('/');
  let best: Route | undefined;
  for (const route of routes) {
    if (route.segments.length !== segments.length) continue;
    const matches = route.segments.every((part, i) => (isParameter(part) ? segments[i] !== '' : part === segments[i]));
    if (matches && (!best || moreLiteral(route, best))) best = route;
  }
  return best;
}

function moreLiteral(a: Route, b: Route): boolean {
  for (let i = 0; i < a.segments.length; i += 1) {
    const literalA = !isParameter(a.segments[i]!);
    if (literalA !== !isParameter(b.segments[i]!)) return literalA;
  }
  return false;
}
