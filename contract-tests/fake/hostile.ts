// Fake servers that a staging URL may turn out to be, for the verdict tests (exit-codes.test.ts): one that is
// dead, one that never answers, an edge that answers only HTML 502 pages, one that answers JSON full of
// hostile bytes (terminal controls, characters XML cannot carry, Markdown and HTML, the key echoed as an object
// key), one whose answers are huge. Each on 127.0.0.1, port 0.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeServer {
  url: string;
  /** How many requests reached it. */
  requests: number;
  close(): Promise<void>;
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<FakeServer> {
  const server = createServer((req, res) => {
    fake.requests += 1;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake: FakeServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** A URL where nothing listens: a port that was just free. */
export async function deadUrl(): Promise<string> {
  const probe = await serve(() => {});
  await probe.close();
  return probe.url;
}

/** Takes every request and answers none. */
export const silentServer = (): Promise<FakeServer> => serve(() => {});

export const GATEWAY_PAGE = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

/** An edge whose origin is down: every answer an HTML 502 page. */
export const htmlOnlyServer = (): Promise<FakeServer> =>
  serve((req, res) => {
    req.resume();
    res.writeHead(502, { 'content-type': 'text/html; charset=utf-8' }).end(GATEWAY_PAGE);
  });

/** What the hostile server writes into its `code`: a new line that would be a heading, HTML, a remote image. */
export const HOSTILE_CODE = 'nope\n# H1 owned\n<script>alert(1)</script>\n![x](https://attacker.example/pixel.png)\n\u001b[2J\u001b]0;title\u0007\u0000\ufffe';

/**
 * Answers every request 200 with a JSON object that is nothing the API answers: its `code` and `x-request-id`
 * hostile, a 2 MB field, and the Authorization header's key echoed as an object key (also where a string is due).
 */
export const hostileServer = (): Promise<FakeServer> =>
  serve((req, res) => {
    req.resume();
    const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const body = JSON.stringify({ code: HOSTILE_CODE, detail: 'd'.repeat(2 * 2 ** 20), email: { [key]: 'echoed' }, [key]: 'echoed' });
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_<img src=x onerror=alert(1)>|`' }).end(body);
  });

/** Answers every request with a JSON body of `bytes` bytes (a list whose data never ends). */
export const hugeServer = (bytes: number): Promise<FakeServer> =>
  serve((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    const head = '{"object":"list","data":[],"pad":"';
    const chunk = 'x'.repeat(64 * 1024);
    res.write(head);
    let sent = head.length;
    const more = (): void => {
      while (sent < bytes - 2) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end('"}');
    };
    res.on('error', () => {});
    more();
  });
