// A deliberately faulty sandbox: the sandbox's own route table (sandbox/resources/routes.ts) with each handler wrapped,
// so that one behaviour fault at a time can be switched on for one operation, without a line of
// sandbox/resources/ changed. A fault wraps the handler (it sees the request and the handler's answer or
// error); `fired` counts the requests it changed, so a mutant no request reached is told from one that was
// reached and survived.
import type { ApiRequest, Route } from '../../sandbox/resources/route.ts';
import { ApiError } from '../../sandbox/resources/errors.ts';
import { ROUTES } from '../../sandbox/resources/routes.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';

export type Handle = (request: ApiRequest) => unknown;
/** Answers a request in the faulty way, given the real handler; `fire()` marks that the fault changed something. */
export type Wrapper = (handle: Handle, request: ApiRequest, fire: () => void, routes: RouteIndex) => unknown;

export interface RouteIndex {
  byOperation(operationId: string): Route | undefined;
  /** The GET route of a path template, e.g. the object `/v2/customers/{customer_id}` a delete names. */
  get(template: string): Route | undefined;
}

export interface FaultySandbox {
  url: string;
  /** The faults from now on, by operationId (an empty map: none, the sandbox as it is). */
  set(wrappers: ReadonlyMap<string, Wrapper>): void;
  /** How many requests of the operation (or of all) a fault changed since the last `set`. */
  fired(operationId?: string): number;
  close(): Promise<void>;
}

export async function startFaultySandbox(): Promise<FaultySandbox> {
  let active: ReadonlyMap<string, Wrapper> = new Map();
  const fired = new Map<string, number>();
  const index: RouteIndex = {
    byOperation: (id) => ROUTES.find((r) => r.operationId === id),
    get: (template) => ROUTES.find((r) => r.method === 'GET' && r.path === template),
  };
  const routes: Route[] = ROUTES.map((route) => ({
    ...route,
    handle: (request: ApiRequest) => {
      const wrapper = active.get(route.operationId);
      if (!wrapper) return route.handle(request);
      return wrapper(route.handle, request, () => fired.set(route.operationId, (fired.get(route.operationId) ?? 0) + 1), index);
    },
  }));
  const sandbox: Sandbox = await startSandbox({ port: 0, routes });
  return {
    url: sandbox.url,
    set(next) {
      active = next;
      fired.clear();
    },
    fired: (id) => (id ? (fired.get(id) ?? 0) : [...fired.values()].reduce((a, b) => a + b, 0)),
    close: () => sandbox.close(),
  };
}

/** Runs the handler; an ApiError of one of these codes is handed to `instead`, anything else goes on. */
export function onError(codes: ReadonlySet<string>, instead: (error: ApiError) => unknown): (run: () => unknown) => unknown {
  return (run) => {
    try {
      return run();
    } catch (error) {
      if (error instanceof ApiError && codes.has(error.code)) return instead(error);
      throw error;
    }
  };
}
