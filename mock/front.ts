// The front: a small HTTP server before Prism. It makes the checks the API makes first (live keys,
// Idempotency-Key format, JSON syntax, raw card numbers), forwards the rest to Prism over kept-alive
// connections, and rewrites Prism's problem answers into the catalog's shape. Success answers stream through.
import { Agent, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse, createServer, request } from 'node:http';
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ErrorCode } from '../generated/error-catalog.ts';
import { ERROR_CATALOG, isErrorCode } from '../generated/error-catalog.ts';
import type { Operation, Routes } from './operations.ts';
import { type Problem, type Violation, problem, translate } from './problems.ts';
import { isValidIdempotencyKey, parseJsonBody } from './request-checks.ts';

export type FrontOptions = {
  routes: Routes;
  prismPort: number;
  /** Receives one line per request (method, path, status, code of a problem, ms); false: no log. */
  log: ((line: string) => void) | false;
};

const JSON_MEDIA = /^application\/(?:[\w.-]+\+)?json\b/i;

export function createFront({ routes, prismPort, log }: FrontOptions): Server {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const note = log || (() => {});

  return createServer((req, res) => {
    const started = performance.now();
    const pathname = (req.url ?? '/').split('?', 1)[0]!;
    const method = req.method ?? 'GET';
    const operation = routes.find(method, pathname);
    let code = '';
    if (log) {
      res.once('finish', () => {
        const ms = (performance.now() - started).toFixed(1);
        log(`${method} ${pathname} ${res.statusCode}${code && ` ${code}`} ${ms}ms`);
      });
    }
    const answer = (given: Problem, headers: Record<string, string | string[] | undefined> = {}): void => {
      const sent = allowedFor(operation, given, note);
      code = sent.code;
      sendProblem(res, sent, headers);
    };

    const refusal = checkPath(pathname) ?? checkHeaders(req.headers, operation, pathname);
    if (refusal) {
      req.resume();
      answer(refusal);
      return;
    }
    if (!hasBody(req) || !JSON_MEDIA.test(req.headers['content-type'] ?? '')) {
      forward(req, res, undefined);
      return;
    }
    readBody(req).then((body) => {
      // Prism never answers a malformed JSON body (the request hangs), so the front answers it.
      const parsed = parseJsonBody(body.toString('utf8'));
      if (!parsed.ok) answer(problem('invalid_request', `The body is not valid JSON: ${parsed.error}`, pathname));
      else if (parsed.cardField !== undefined) {
        const where = parsed.cardField === '' ? 'the body' : `the field ${parsed.cardField}`;
        answer(problem('card_number_not_allowed', `${ERROR_CATALOG.card_number_not_allowed.title}: ${where} holds a card number.`, pathname));
      } else forward(req, res, body);
    }, (error: Error) => answer(problem('invalid_request', `The body could not be read: ${error.message}`, pathname)));

    function forward(incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer | undefined): void {
      const headers = forwardedHeaders(incoming.headers, body);
      const upstream = request(
        { host: '127.0.0.1', port: prismPort, method: incoming.method, path: incoming.url, headers, agent },
        (prism) => {
          const status = prism.statusCode ?? 500;
          if (status < 400 && !(prism.headers['content-type'] ?? '').includes('problem+json')) {
            outgoing.writeHead(status, prism.headers);
            prism.pipe(outgoing);
            return;
          }
          readBody(prism).then((raw) => {
            const violations = parseViolations(prism.headers['sl-violations']);
            const { 'sl-violations': _, 'content-type': __, 'content-length': ___, ...kept } = prism.headers;
            const seen = { method, path: pathname, pathMethods: routes.methodsOf(pathname) };
            answer(translate(parseOrNull(raw), status, violations, seen), kept);
          }, (error: Error) => answer(problem('internal_server_error', `Prism's answer broke off: ${error.message}`, pathname)));
        },
      );
      upstream.once('error', (error) => answer(problem('internal_server_error', `Prism did not answer: ${error.message}`, pathname)));
      if (body) upstream.end(body);
      else incoming.pipe(upstream);
    }
  });
}

/** Prism dies on a path that is not valid percent-encoding (an uncaught URIError): refuse it here. */
function checkPath(pathname: string): Problem | undefined {
  try {
    decodeURIComponent(pathname);
    return undefined;
  } catch {
    return problem('invalid_request', `The path ${pathname} is not valid percent-encoding.`, pathname);
  }
}

/** Headers the API checks before anything else. */
function checkHeaders(headers: IncomingHttpHeaders, operation: Operation | undefined, instance: string): Problem | undefined {
  if (isLiveKey(headers.authorization)) {
    return problem('unauthorized', 'The mock refuses live secret keys (sk_live_…): use a test key (sk_test_…).', instance);
  }
  const key = headers['idempotency-key'];
  if (typeof key === 'string' && operation?.errors.includes('invalid_idempotency_key') && !isValidIdempotencyKey(key)) {
    return problem('invalid_idempotency_key', ERROR_CATALOG.invalid_idempotency_key.title + ': at most 255 characters of a-z, A-Z, 0-9, - and _.', instance);
  }
  return undefined;
}

function isLiveKey(authorization: string | undefined): boolean {
  if (!authorization) return false;
  const [scheme = '', credentials = ''] = authorization.trim().split(/\s+/, 2);
  const key = scheme.toLowerCase() === 'basic' ? Buffer.from(credentials, 'base64').toString('utf8') : credentials;
  return key.startsWith('sk_live_');
}

/**
 * What goes to Prism: no Accept (Prism would answer an error documented as problem+json with the success
 * when a client accepts only application/json), and `Prefer: example=<code>` completed with that code's
 * status (Prism looks for a named example only under the status it is asked for, else under the success).
 */
function forwardedHeaders(headers: IncomingHttpHeaders, body: Buffer | undefined): IncomingHttpHeaders {
  const { accept: _, ...forwarded } = headers;
  if (body) {
    forwarded['content-length'] = String(body.length);
    delete forwarded['transfer-encoding'];
  }
  const prefer = headers.prefer;
  if (typeof prefer === 'string' && !/\bcode=/.test(prefer)) {
    const example = /\bexample=([\w-]+)/.exec(prefer)?.[1];
    if (isErrorCode(example)) forwarded.prefer = `${prefer}, code=${ERROR_CATALOG[example].status}`;
  }
  return forwarded;
}

/**
 * The front never answers a code the operation does not list: it answers the closest listed one (same
 * status, else `invalid_request`) and logs the gap, which is a gap in the spec to report.
 */
function allowedFor(operation: Operation | undefined, given: Problem, note: (line: string) => void): Problem {
  if (!operation || operation.errors.includes(given.code)) return given;
  const sameStatus = operation.errors.filter(isErrorCode).find((code) => ERROR_CATALOG[code].status === given.status);
  const fallback: ErrorCode | undefined = operation.errors.includes('invalid_request') ? 'invalid_request' : sameStatus;
  const closest = given.status === 400 ? fallback : (sameStatus ?? fallback);
  if (!closest) return given;
  note(`spec gap: ${operation.operationId} does not list ${given.code}; answered ${closest} instead`);
  return problem(closest, given.detail, given.instance);
}

function sendProblem(res: ServerResponse, body: Problem, headers: Record<string, string | string[] | undefined>): void {
  const text = JSON.stringify(body);
  res.writeHead(body.status, {
    ...headers,
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

const hasBody = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';

async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseOrNull(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
}

function parseViolations(header: string | string[] | undefined): Violation[] {
  if (typeof header !== 'string') return [];
  try {
    return JSON.parse(header) as Violation[];
  } catch {
    return [];
  }
}
