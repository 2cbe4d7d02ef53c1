// One request through the sandbox: auth, rate limit, routing, injected faults, idempotency, body checks,
// the handler; every error answered as a problem of the catalog.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleBrowser } from './browser.ts';
import { authenticate, unauthorized } from './http/auth.ts';
import { IdempotencyStore, canonical, checkKey, type StoredResponse } from './http/idempotency.ts';
import { ERROR_CATALOG } from '../generated/error-catalog.ts';
import { ApiError, problemBody, problemHeaders } from './http/problem.ts';
import { Router } from './http/router.ts';
import { type Switches, TokenBucket, random } from './http/switches.ts';
import { ROUTES } from './routes.ts';
import type { State } from './state.ts';
import { containsCardNumber } from './test-cards.ts';

const MAX_BODY_BYTES = 1 << 20;
const JSON_HEADERS = { 'content-type': 'application/json' } as const;
const BAD_GATEWAY_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>' +
  '<p>The server returned an invalid or incomplete response.</p></body></html>\n';

export interface AppOptions extends Switches {
  /** How long a duplicate waits for the first request under its idempotency key (ms, default 100). */
  idempotencyWaitMs?: number;
}

export function createApp(state: State, options: AppOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const router = new Router(ROUTES);
  const idempotency = new IdempotencyStore(options.idempotencyWaitMs ?? 100);
  const bucket = options.rateLimit ? new TokenBucket(options.rateLimit.perSecond, options.rateLimit.burst) : undefined;
  const draw = random(options.seed ?? Date.now());
  const roll = (rate: number | undefined): boolean => rate !== undefined && rate > 0 && draw() < rate;

  async function answer(req: IncomingMessage, res: ServerResponse, path: string, query: string): Promise<void> {
    const method = req.method ?? 'GET';
    const credentials = authenticate(req.headers.authorization);
    if (bucket) {
      const wait = bucket.take();
      if (wait > 0)
        throw new ApiError('rate_limit_exceeded', 'Too many requests. Retry after the number of seconds in Retry-After.', {
          headers: { 'retry-after': String(wait) },
        });
    }
    const match = router.match(method, path);
    if (!match) throw new ApiError('not_found', `Unrecognized request URL (${method} ${path}).`);
    if (roll(options.errorRate)) throw new ApiError('internal_server_error', 'An unexpected error occurred (injected by the sandbox).');
    if (roll(options.htmlErrorRate)) return send(res, { status: 502, headers: { 'content-type': 'text/html; charset=utf-8' }, body: BAD_GATEWAY_PAGE });

    const { route, params } = match;
    const key = method === 'POST' ? req.headers['idempotency-key'] : undefined;
    if (typeof key === 'string') checkKey(key);
    const body = route.body ? await readJson(req, route.body) : undefined;
    // A publishable key makes one call, the browser's card entry, which is where card data may travel.
    if (credentials.publishable && !(route.operationId === 'createPaymentMethod' && (body as { type?: unknown } | undefined)?.type === 'card'))
      throw unauthorized('A publishable key (pk_…) only creates card payment methods from the customer\'s browser. Use your secret key (sk_test_…).');
    if (route.body && !credentials.publishable && containsCardNumber(body))
      throw new ApiError('card_number_not_allowed', 'Sending a raw card number is not allowed. Create a payment method on the client side and send its ID.');

    if (typeof key === 'string' && roll(options.idempotencyErrorRate))
      throw new ApiError('idempotency_infrastructure_error', 'The idempotency service is temporarily unavailable (injected by the sandbox).');
    const claim = typeof key === 'string' ? await idempotency.claim(credentials.key, key, `${method} ${path}\n${canonical(body)}`) : undefined;
    if (claim?.kind === 'replay') return send(res, { ...claim.response, headers: { ...claim.response.headers, 'idempotent-replayed': 'true' } });
    let response: StoredResponse | undefined;
    try {
      if (options.latencyMs) await sleep(options.latencyMs);
      response = run(() => ({ status: 200, headers: JSON_HEADERS, body: JSON.stringify(route.handle({ params, query: new URLSearchParams(query), body, path, state })) }), path);
    } finally {
      // The catalog says which answers are stored for replay (its `replay`); the others, a crash among them,
      // release the key so that the same request is carried out again.
      claim?.finish(response && stored(response) ? response : undefined);
    }
    if (roll(options.dropRate)) return void res.socket?.destroy();
    send(res, response);
  }

  return (req, res) => {
    const url = req.url ?? '/';
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    const query = mark < 0 ? '' : url.slice(mark + 1);
    if (path.startsWith('/sandbox/')) return handleBrowser(state, req, res, path, new URLSearchParams(query));
    answer(req, res, path, query).catch((error: unknown) => {
      if (!res.headersSent) send(res, problemResponse(error, path));
    });
  };
}

/** Whether an answer is kept under its Idempotency-Key: a success, or a problem the catalog marks `stored`. */
const stored = (response: StoredResponse): boolean => (response.code === undefined ? response.status < 300 : ERROR_CATALOG[response.code].replay === 'stored');

/** Runs a handler: its result, or its error as a problem. */
function run(handler: () => StoredResponse, instance: string): StoredResponse {
  try {
    return handler();
  } catch (error) {
    return problemResponse(error, instance);
  }
}

/** An error as the problem answered: an ApiError as it says, anything else (a sandbox bug) as 500. */
function problemResponse(error: unknown, instance: string): StoredResponse {
  if (!(error instanceof ApiError)) console.error('sandbox: unexpected error', error);
  const problem = error instanceof ApiError ? error : new ApiError('internal_server_error', 'An unexpected error occurred.');
  return { status: problem.status, headers: problemHeaders(problem), body: JSON.stringify(problemBody(problem, instance)), code: problem.code };
}

function send(res: ServerResponse, response: StoredResponse): void {
  res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
  res.end(response.body);
}

/** The JSON body: `{}` when an optional one is absent; 400 `invalid_request` when it is not JSON. */
function readJson(req: IncomingMessage, presence: 'required' | 'optional'): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return reject(new ApiError('invalid_request', `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
      const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8').trim();
      if (text === '') return resolve(presence === 'required' ? undefined : {});
      try {
        resolve(JSON.parse(text) as unknown);
      } catch {
        reject(new ApiError('invalid_request', 'The request body could not be read as JSON. Check that it is well-formed.'));
      }
    });
  });
}
