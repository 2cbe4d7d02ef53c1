// For the servers' tests (sandbox, mock, docs): requests written as raw bytes on a socket (node:net), so that
// a test sends exactly what a hostile client can (any request target, broken framing, a body cut off, which
// fetch would refuse or normalise), the request-target table the mock and the sandbox must answer alike, and
// a seeded generator of malformed requests.
import { connect } from 'node:net';
import { random } from '../random.ts';

export interface RawAnswer {
  /** The status answered (after any 100 Continue); undefined when the server closed without answering. */
  status: number | undefined;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Writes `bytes` on a new connection and reads until the server closes it (send `Connection: close`);
 * rejects when the server neither answers and closes within `timeoutMs`.
 */
export function sendRaw(url: string, bytes: string | Buffer, timeoutMs = 5_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no close within ${timeoutMs} ms after ${JSON.stringify(String(bytes).slice(0, 300))}`));
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {}); // a reset is a close, seen below
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(readAnswer(Buffer.concat(chunks)));
    });
  });
}

/** Writes `bytes` on a new connection, then drops it after a moment, as a client going away does. */
export function sendAndDrop(url: string, bytes: string | Buffer): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(bytes);
      setTimeout(() => socket.destroy(), 20);
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve());
  });
}

/** A request whose body is announced longer than what is sent: the client drops it mid-body. */
export const cutBody = (head: string, start: string): string => `${head}Content-Length: ${Buffer.byteLength(start) + 100}\r\n\r\n${start}`;

function readAnswer(bytes: Buffer): RawAnswer {
  let text = bytes.toString('latin1');
  while (/^HTTP\/1\.1 100 /.test(text)) text = text.slice(text.indexOf('\r\n\r\n') + 4); // 100 Continue first
  const end = text.indexOf('\r\n\r\n');
  if (!text.startsWith('HTTP/') || end < 0) return { status: undefined, headers: {}, body: '' };
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: Buffer.from(text.slice(end + 4), 'latin1').toString('utf8') };
}

/** A request the mock and the sandbox must answer alike; `head` is completed with Host, the key and `Connection: close`. */
export interface TargetCase {
  name: string;
  /** The request line. */
  line: string;
  status: number;
  /** The problem's code, for a problem. */
  code?: string;
  /** The `Allow` header, for `OPTIONS *`. */
  allow?: string;
}

/** Request targets of every form (RFC 9112 §3.2), with the answer both servers give. */
export const TARGET_CASES: readonly TargetCase[] = [
  { name: 'absolute-form is routed by its path', line: 'GET http://127.0.0.1/v2/customers HTTP/1.1', status: 200 },
  { name: 'absolute-form: scheme and host in any case, a port', line: 'GET HTTP://LOCALHOST:4010/v2/customers?limit=1 HTTP/1.1', status: 200 },
  { name: 'absolute-form without a path is /', line: 'GET http://127.0.0.1 HTTP/1.1', status: 404, code: 'not_found' },
  { name: 'OPTIONS * asks about the server', line: 'OPTIONS * HTTP/1.1', status: 200, allow: 'DELETE, GET, OPTIONS, POST' },
  { name: '* is only for OPTIONS', line: 'GET * HTTP/1.1', status: 400, code: 'invalid_request' },
  { name: 'a host that is not percent-encoding', line: 'GET http://%zz/ HTTP/1.1', status: 400, code: 'invalid_request' },
  { name: 'an empty host, a port out of range', line: 'GET http://:99999/ HTTP/1.1', status: 400, code: 'invalid_request' },
  { name: 'no host at all', line: 'GET http:///v2/customers HTTP/1.1', status: 400, code: 'invalid_request' },
  { name: 'user information in the target', line: 'GET http://user:pass@127.0.0.1/v2/customers HTTP/1.1', status: 400, code: 'invalid_request' },
  { name: 'a scheme other than http(s)', line: 'GET ftp://127.0.0.1/v2/customers HTTP/1.1', status: 400, code: 'invalid_request' },
  { name: 'an origin-form path that is no URL', line: 'GET //[/x HTTP/1.1', status: 404, code: 'not_found' },
];

/** The bytes of a TargetCase (or any request line) with the headers every API request carries. */
export const withHead = (line: string, key = 'sk_test_rawHttp'): string =>
  `${line}\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\nConnection: close\r\n\r\n`;

export interface FuzzCase {
  bytes: Buffer;
  /** Whole (if malformed): the server must answer or close. Otherwise its body is cut and the client drops it. */
  complete: boolean;
}

const METHODS = ['GET', 'POST', 'DELETE', 'OPTIONS'];
const BROKEN_METHODS = ['HEAD', 'PUT', 'PATCH', 'TRACE', 'CONNECT', 'get', 'G\0T', 'GETT', '', 'X'.repeat(300), 'PRI'];
const TARGETS = [
  '/',
  '/v2/customers',
  '/v2/customers/cus_taro_yamada',
  '/v2/checkout/sessions',
  '/index.html',
  '*',
  '//[/x',
  'http://%zz/',
  'http://:99999/',
  'http://127.0.0.1/v2/customers',
  'HTTP://LOCALHOST/v2/customers?limit=1',
  'http://u@h/v2/customers',
  'http:///v2/customers',
  'https://[::1]:1/v2/customers',
  'http://[::1/',
  'ftp://h/',
  'v2/customers',
  '127.0.0.1:80',
  '/%',
  '/%zz',
  '/%00',
  '/..%2f..%2fetc/passwd',
  '/v2/customers?limit=%zz',
  `/v2/customers?${'a=1&'.repeat(1_000)}`,
  `/${'a'.repeat(9_000)}`,
  '/\u3042',
  '/v2/customers#frag',
  '/sandbox/checkout/x',
  '/sandbox/%zz',
  '',
];
const BROKEN_VERSIONS = ['HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'http/1.1', 'HTTP/1.12', '', 'HTTP/1.1 extra'];
const HEADERS = [
  'Content-Type: application/json',
  'Content-Type: text/plain',
  'Content-Type: application/json; charset=latin1',
  'Authorization: Bearer sk_live_fuzz',
  'Authorization: Basic %%%',
  'Authorization: ',
  'Idempotency-Key: fuzz',
  'Idempotency-Key: not a key!',
  'Expect: 100-continue',
  'Accept: text/html',
  'Origin: http://evil.example',
];
const BROKEN_HEADERS = [
  'X-Folded: a\r\n b',
  'Bad Name: x',
  ': no name',
  'X-Nul: a\0b',
  `X-Long: ${'a'.repeat(20_000)}`,
  'Content-Length: abc',
  'Content-Length: -1',
  'Content-Length: 1, 2',
  'Transfer-Encoding: gzip',
  'Host: b',
];
const BODIES = [
  '{}',
  '{"email":"fuzz@example.jp"}',
  '{',
  'null',
  '[]',
  '"x"',
  '{"metadata":{"__proto__":"x"}}',
  '{"mode":"payment","line_items":[{"price_id":"x","quantity":1e308}]}',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `{"a":${'{"a":'.repeat(200)}1${'}'.repeat(200)}}`,
  '\xff\xfe{}',
  '{"expires_at":"2030-02-30T00:00:00Z"}',
];

/**
 * `count` malformed requests, the same for the same seed: a request line from a pool of methods, targets
 * and versions (one in five broken, so that most requests get past the HTTP parser to the server's own
 * code), a test key mostly, a few headers (one in five requests with a broken one), and a body sent whole,
 * chunked (with a broken chunk size, too), or cut short.
 */
export function malformedRequests(seed: number, count: number): FuzzCase[] {
  const draw = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(draw() * list.length)]!;
  return Array.from({ length: count }, () => {
    const headers = Array.from({ length: Math.floor(draw() * 4) }, () => pick(HEADERS));
    if (draw() < 0.8) headers.unshift('Authorization: Bearer sk_test_fuzz');
    if (draw() < 0.2) headers.push(pick(BROKEN_HEADERS));
    const method = draw() < 0.8 ? pick(METHODS) : pick(BROKEN_METHODS);
    const version = draw() < 0.8 ? 'HTTP/1.1' : pick(BROKEN_VERSIONS);
    const body = draw() < 0.6 ? pick(BODIES) : '';
    const length = Buffer.byteLength(body, 'latin1');
    const framing = body === '' ? 'none' : pick(['length', 'length', 'length', 'chunked', 'bad-chunk', 'cut'] as const);
    const tail = {
      none: '\r\n',
      length: `Content-Length: ${length}\r\n\r\n${body}`,
      chunked: `Transfer-Encoding: chunked\r\n\r\n${length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
      'bad-chunk': `Transfer-Encoding: chunked\r\n\r\nzz\r\n${body}\r\n`,
      cut: `Content-Length: ${length + 10}\r\n\r\n${body}`,
    }[framing];
    const head = `${method} ${pick(TARGETS)} ${version}\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers.map((h) => `${h}\r\n`).join('')}`;
    return { bytes: Buffer.from(head + tail, 'latin1'), complete: framing !== 'cut' };
  });
}

/**
 * Sends each case on its own connection: a whole request must be answered or closed (never left hanging);
 * a partial one is dropped by the client. Answers the statuses seen.
 */
export async function sendAll(url: string, cases: readonly FuzzCase[]): Promise<(number | undefined)[]> {
  const statuses: (number | undefined)[] = [];
  for (const { bytes, complete } of cases) {
    if (complete) statuses.push((await sendRaw(url, bytes)).status);
    else await sendAndDrop(url, bytes);
  }
  return statuses;
}
