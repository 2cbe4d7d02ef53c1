// The HTTP client of the contract tests. Every request goes through one guarded fetch: a timeout, the rate
// and concurrency limits, an Idempotency-Key on every POST, retries of the answers the catalog says to wait
// out under the same key (429, 503; a POST keeps its key) after Retry-After or a growing wait, and a refusal
// to send a raw card number. The key is a TestKey (keys.ts: only a test key can be one) and is never
// recorded. A request that gets no answer (refused, timed out, cut) throws a TransportError, which the runner
// reports as an infrastructure failure. Typed calls use openapi-fetch over `paths`; the suite, which walks
// the document, uses `send`.
import { randomUUID } from 'node:crypto';
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../generated/api.d.ts';
import { ERROR_CATALOG } from '../../generated/error-catalog.ts';
import { findCardNumber, findCardNumberInBody, maskCard } from '../../contract-core/card-number.ts';
import { createLimiter } from './limiter.ts';
import { TestKey, redact } from './keys.ts';
import { RefusedError } from './secrets.ts';
import { DEFAULT_MAX_BODY_BYTES } from './target.ts';
import { WRITE_METHODS } from '../../contract-core/conventions.ts';
import type { TransportFailure } from '../../contract-core/validator.ts';

export interface ClientOptions {
  baseUrl: string;
  secretKey: TestKey;
  rate: number;
  concurrency: number;
  timeoutMs: number;
  /** The most bytes of an answer's body read (target.ts: CONTRACT_MAX_BODY_BYTES); more is a TransportError (too-large). */
  maxBodyBytes?: number;
  /** Attempts for a 429/503 answer, the first included. */
  maxAttempts?: number;
  /** Longest wait honoured from a Retry-After, in seconds; longer waits are cut to this. */
  maxRetryAfterSeconds?: number;
  log?: (line: string) => void;
}

export interface Answer {
  status: number;
  headers: Headers;
  contentType: string | null;
  text: string;
  requestId: string | undefined;
}

export interface Exchange {
  /** The request as sent, but for the Authorization header, which is not recorded. */
  request: { method: string; url: string; path: string; headers: Record<string, string>; body: string | undefined };
  response: Answer;
  /** The answers that were retried (429/503), oldest first: they are part of the contract too. */
  retried: Answer[];
  attempts: number;
  durationMs: number;
}

export interface SendRequest {
  method: string;
  /** Path with the IDs filled in, optionally with a query string. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** Serialised as JSON unless a string (sent as given, e.g. malformed JSON). */
  body?: unknown;
  /** `false` to take a 429/503 as the answer under test instead of retrying it. */
  retry?: boolean;
}

export interface ContractClient {
  api: Client<paths>;
  send(request: SendRequest): Promise<Exchange>;
  /** Every exchange so far, in order. */
  exchanges: Exchange[];
}

export class TransportError extends Error {
  override name = 'TransportError';
  readonly kind: TransportFailure;
  constructor(kind: TransportFailure, message: string) {
    super(message);
    this.kind = kind;
  }
}

function transportError(error: unknown, request: string, timeoutMs: number): TransportError {
  const { name, message, cause } = error as Error & { cause?: { code?: unknown; message?: unknown } };
  if (name === 'TimeoutError') return new TransportError('timeout', redact(`${request}: no answer within ${timeoutMs} ms (timed out)`));
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code === 'ECONNREFUSED') return new TransportError('connection-refused', redact(`${request}: connection refused (nothing listening)`));
  const detail = [message, typeof cause?.message === 'string' ? cause.message : undefined, code].filter(Boolean).join(': ');
  return new TransportError('connection-failed', redact(`${request}: ${detail}`));
}

/**
 * Statuses the client waits out and sends again, a POST under the same key: those whose every catalog code says
 * to retry with the same key, is not stored under it (so the retry is carried out, not replayed), and says when
 * (Retry-After). That is 429 and 503; a 503 without a catalog code (maintenance, an edge) is retried the same
 * way. A 500 is not: it is what a case reports, not a capacity signal to wait out.
 */
export const RETRIED: ReadonlySet<number> = new Set(
  [...new Set(Object.values(ERROR_CATALOG).map((def) => def.status))].filter((status) =>
    Object.values(ERROR_CATALOG)
      .filter((def) => def.status === status)
      .every((def) => def.retry === 'same-key' && def.replay === 'not-stored' && (def.headers as readonly string[]).includes('Retry-After')),
  ),
);
/** An Idempotency-Key in the documented format (safety.test.ts checks it against the bundle's rule). */
export const newIdempotencyKey = (): string => `contract-${randomUUID()}`;
const NO_RETRY_HEADER = 'x-contract-no-retry';

/** The wait before attempt `attempt + 1`: Retry-After when sent (PAY.JP does not promise it), else 1 s, 2 s, 4 s… */
function retryAfterMs(header: string | null, capSeconds: number, attempt: number): number {
  if (header === null) return Math.min(2 ** (attempt - 1), capSeconds) * 1000;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Math.min(Math.max(Number.isFinite(seconds) ? seconds : 1, 0), capSeconds) * 1000;
}

/** A card number in the path or in a query parameter's name or value, each decoded (`+` in a query is a space). */
function cardNumberInUrl(url: string): string | undefined {
  const { pathname, searchParams } = new URL(url);
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // not valid percent-encoding: read as written
  }
  for (const text of [path, ...[...searchParams].flat()]) {
    const digits = findCardNumber(text);
    if (digits !== undefined) return digits;
  }
  return undefined;
}

/** Statuses whose answer has no body (a Response made with one throws). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/** The body as text, or undefined when it holds more than `max` bytes (then not read further: memory stays bounded). */
async function readCapped(response: Response, max: number): Promise<string | undefined> {
  if (Number(response.headers.get('content-length')) > max) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(chunk.value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The body as JSON, to read its decoded strings too; undefined when it is not JSON (the raw text is still read). */
function parsedOrUndefined(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export function createContractClient(options: ClientOptions): ContractClient {
  // The type says so; this holds for callers that cast (a string is no TestKey, and never sent).
  if (!(options.secretKey instanceof TestKey)) throw new RefusedError('the contract client takes a TestKey (keys.ts), not a string');
  const limiter = createLimiter(options.rate, options.concurrency);
  const maxAttempts = options.maxAttempts ?? 3;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const cap = options.maxRetryAfterSeconds ?? 10;
  const log = (line: string): void => options.log?.(redact(line));
  const exchanges: Exchange[] = [];

  async function guardedFetch(input: Request): Promise<Response> {
    const headers = new Headers(input.headers);
    const method = input.method.toUpperCase();
    const body = input.body ? await input.text() : undefined;
    const url = new URL(input.url);
    const request = `${method} ${url.pathname}`;
    const card = cardNumberInUrl(input.url) ?? (body === undefined ? undefined : findCardNumberInBody(body, parsedOrUndefined(body))?.digits);
    if (card) throw new RefusedError(`refusing to send a raw card number (${maskCard(card)}) in ${request}`);
    // An empty Authorization asks for none at all (to test the 401 of a request without credentials).
    if (headers.get('authorization') === '') headers.delete('authorization');
    else if (!headers.has('authorization')) headers.set('authorization', `Bearer ${options.secretKey.reveal()}`);
    if (WRITE_METHODS.has(method.toLowerCase()) && !headers.has('idempotency-key')) headers.set('idempotency-key', newIdempotencyKey());
    if (body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    const retry = headers.get(NO_RETRY_HEADER) === null;
    headers.delete(NO_RETRY_HEADER);

    const started = performance.now();
    const retried: Answer[] = [];
    const answer = (response: Response, text: string): Answer => ({
      status: response.status,
      headers: response.headers,
      contentType: response.headers.get('content-type'),
      text,
      requestId: response.headers.get('x-request-id') ?? response.headers.get('request-id') ?? undefined,
    });
    for (let attempt = 1; ; attempt += 1) {
      // The body is read inside the limit and the timeout too: an answer cut mid-body is no answer.
      const [response, text] = await limiter.run(async () => {
        try {
          const response = await fetch(input.url, { method, headers, ...(body !== undefined ? { body } : {}), signal: AbortSignal.timeout(options.timeoutMs) });
          const text = await readCapped(response, maxBodyBytes);
          if (text === undefined) {
            throw new TransportError(
              'too-large',
              `${method} ${url.origin}${url.pathname}: the answer's body is larger than ${maxBodyBytes} bytes (CONTRACT_MAX_BODY_BYTES, --max-body-bytes): not read on`,
            );
          }
          // What the typed client reads is the text read here, not the stream again (no second, unbounded read).
          const read = new Response(NULL_BODY_STATUSES.has(response.status) ? null : text, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
          });
          return [read, text] as const;
        } catch (error) {
          if (error instanceof TransportError) throw error;
          throw transportError(error, `${method} ${url.origin}${url.pathname}`, options.timeoutMs);
        }
      });
      if (retry && RETRIED.has(response.status) && attempt < maxAttempts) {
        const wait = retryAfterMs(response.headers.get('retry-after'), cap, attempt);
        log(
          `${request} → ${response.status}, retry ${attempt + 1}/${maxAttempts} in ${wait} ms${WRITE_METHODS.has(method.toLowerCase()) ? ' (same Idempotency-Key)' : ''}`,
        );
        retried.push(answer(response, text));
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      const sent: Record<string, string> = {};
      headers.forEach((value, name) => {
        if (name !== 'authorization') sent[name] = value;
      });
      exchanges.push({
        request: { method, url: input.url, path: url.pathname + url.search, headers: sent, body },
        response: answer(response, text),
        retried,
        attempts: attempt,
        durationMs: performance.now() - started,
      });
      return response;
    }
  }

  const api = createClient<paths>({ baseUrl: options.baseUrl, fetch: guardedFetch });

  async function send(request: SendRequest): Promise<Exchange> {
    const url = new URL(options.baseUrl + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    const headers = new Headers(request.headers);
    if (request.retry === false) headers.set(NO_RETRY_HEADER, '1');
    const body = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    // Set here: a Request made with a string body would otherwise say text/plain.
    if (body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    await guardedFetch(new Request(url, { method: request.method.toUpperCase(), headers, ...(body !== undefined ? { body } : {}) }));
    return exchanges.at(-1)!;
  }

  return { api, send, exchanges };
}
