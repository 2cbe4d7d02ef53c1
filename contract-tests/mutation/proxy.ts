// A mutating HTTP proxy: forwards every request to the upstream (the sandbox) and lets a function change
// the answers of an operation on the way back, as a server drifting from its contract would; or the request
// on the way in, where that models a server's fault faithfully (a server ignoring a header ≡ the header
// dropped before it arrives). Several operations may drift at once, each its own way (a batch of mutants).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchOperation, type Operation } from '../../contract-core/contract.ts';
import type { Answer } from './classes.ts';

export type Mutate = (answer: Answer, operation: Operation, nth: number) => Answer | undefined;

export interface Outgoing {
  method: string;
  /** Path and query. */
  url: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}
/** Changes a request before it reaches the upstream; undefined leaves it as it is. */
export type Rewrite = (request: Outgoing, operation: Operation) => Outgoing | undefined;

export interface Drift {
  mutate?: Mutate;
  rewrite?: Rewrite;
  /** Answers a request in the proxy, before it reaches the upstream (a throttling front); undefined forwards it. */
  intercept?: (operation: Operation, nth: number) => Answer | undefined;
}

export interface Proxy {
  url: string;
  /** What to drift from now on (undefined: nothing). */
  set(target: Operation | undefined, mutate: Mutate | undefined): void;
  /** Several operations drifting at once, by operationId (an empty map: nothing). */
  setMany(drifts: ReadonlyMap<string, Drift>): void;
  /** How many answers (or requests) were changed since the last `set`, all operations together or of one. */
  mutated(operationId?: string): number;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

export async function startProxy(upstream: string, operations: readonly Operation[]): Promise<Proxy> {
  let drifts: ReadonlyMap<string, Drift> = new Map();
  const seen = new Map<string, number>();
  const changed = new Map<string, number>();
  const count = (map: Map<string, number>, id: string): number => {
    const n = map.get(id) ?? 0;
    map.set(id, n + 1);
    return n;
  };
  let self = '';
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const operation = matchOperation(operations, req.method ?? 'GET', req.url ?? '/')?.operation;
    const drift = operation ? drifts.get(operation.operationId) : undefined;
    let request: Outgoing = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: forwardable(req.headers),
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    };
    const rewritten = drift?.rewrite && operation ? drift.rewrite(request, operation) : undefined;
    if (rewritten && operation) {
      request = rewritten;
      count(changed, operation.operationId);
    }
    const intercepted = drift?.intercept && operation ? drift.intercept(operation, count(seen, `${operation.operationId} intercept`)) : undefined;
    if (intercepted && operation) {
      count(changed, operation.operationId);
      return void res.writeHead(intercepted.status, intercepted.headers).end(intercepted.body);
    }
    try {
      const upstreamResponse = await fetch(upstream + request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body ? { body: new Uint8Array(request.body) } : {}),
        redirect: 'manual', // a hosted page's redirect goes back to the client, as it would without a proxy
        signal: AbortSignal.timeout(10_000),
      });
      // As a reverse proxy does, the upstream's own URLs (a hosted page's) are given as the proxy's.
      let answer: Answer = { status: upstreamResponse.status, headers: {}, body: (await upstreamResponse.text()).replaceAll(upstream, self) };
      upstreamResponse.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name)) answer.headers[name] = value;
      });
      if (drift?.mutate && operation) {
        const drifted = drift.mutate(answer, operation, count(seen, operation.operationId));
        if (drifted) {
          answer = drifted;
          count(changed, operation.operationId);
        }
      }
      res.writeHead(answer.status, answer.headers).end(answer.body);
    } catch (error) {
      res.writeHead(599, { 'content-type': 'text/plain' }).end(`proxy: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const setMany = (next: ReadonlyMap<string, Drift>): void => {
    drifts = next;
    seen.clear();
    changed.clear();
  };
  return {
    url: self,
    set: (target, mutate) => setMany(target && mutate ? new Map([[target.operationId, { mutate }]]) : new Map()),
    setMany,
    mutated: (operationId) => (operationId ? (changed.get(operationId) ?? 0) : [...changed.values()].reduce((a, b) => a + b, 0)),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function forwardable(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'host') out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
