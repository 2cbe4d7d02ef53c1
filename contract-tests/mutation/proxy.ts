// A mutating HTTP proxy: forwards every request to the upstream (the sandbox) and lets a function change
// the answers of one operation on the way back, as a server drifting from its contract would.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchOperation, type Operation } from '../../contract-core/contract.ts';
import type { Answer } from './classes.ts';

export type Mutate = (answer: Answer, operation: Operation, nth: number) => Answer | undefined;

export interface Proxy {
  url: string;
  /** What to drift from now on (undefined: nothing). */
  set(target: Operation | undefined, mutate: Mutate | undefined): void;
  /** How many answers were changed since the last `set`. */
  mutated(): number;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

export async function startProxy(upstream: string, operations: readonly Operation[]): Promise<Proxy> {
  let target: Operation | undefined;
  let mutate: Mutate | undefined;
  let seen = 0;
  let changed = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = forwardable(req.headers);
    try {
      const upstreamResponse = await fetch(upstream + (req.url ?? '/'), {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
        signal: AbortSignal.timeout(10_000),
      });
      let answer: Answer = { status: upstreamResponse.status, headers: {}, body: await upstreamResponse.text() };
      upstreamResponse.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name)) answer.headers[name] = value;
      });
      const operation = matchOperation(operations, req.method ?? 'GET', req.url ?? '/')?.operation;
      if (mutate && target && operation === target) {
        const drifted = mutate(answer, operation, seen);
        seen += 1;
        if (drifted) {
          answer = drifted;
          changed += 1;
        }
      }
      res.writeHead(answer.status, answer.headers).end(answer.body);
    } catch (error) {
      res.writeHead(599, { 'content-type': 'text/plain' }).end(`proxy: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set(nextTarget, nextMutate) {
      target = nextTarget;
      mutate = nextMutate;
      seen = 0;
      changed = 0;
    },
    mutated: () => changed,
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
