// For the webhook tests (the sandbox's delivery, the receiver tools, end to end): a webhook receiver on
// 127.0.0.1 (port 0) that records every request and answers what the test says (by default 200), and a wait
// for a condition that polls instead of sleeping a fixed time.
import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** The event ID in the body, if it has one. */
  eventId: string | undefined;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface TestReceiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** `answer` gives the status for a request (or never answers with `'hang'`); it sees the requests so far. */
export async function startReceiver(answer: (request: Received, received: readonly Received[]) => number | 'hang' = () => 200): Promise<TestReceiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let eventId: string | undefined;
      try {
        eventId = (JSON.parse(body) as { id?: string }).id;
      } catch {
        eventId = undefined;
      }
      const request: Received = { headers: req.headers, body, eventId, at: performance.now() };
      received.push(request);
      const status = answer(request, received);
      if (status === 'hang') return;
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `condition` every 10 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
