// One request through the sandbox: auth, rate limit, routing, injected faults, idempotency, body checks,
// the handler (a unit of the store: its writes are committed before the answer leaves); every error
// answered as a problem of the catalog. Also the sandbox's own pages (browser.ts; an isolated tenant's under
// /tenants/<ref>/sandbox/), POST /sandbox/reset, GET /sandbox/tenant and the test clock, GET / POST
// /sandbox/clock (time-travel.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { EMPTY_VALUE_MESSAGE, emptyQueryParameters } from '../../contract-core/query.ts';
import { readBodyBytes, readJsonBody } from '../../contract-core/request-body.ts';
import { handleBrowser } from './customer-pages.ts';
import { type Credentials, authenticate, unauthorized } from './auth.ts';
import { isClientGone } from '../../contract-core/http/client-gone.ts';
import { IdempotencyStore, canonical, checkKey, type StoredResponse } from './idempotency.ts';
import { ERROR_CATALOG } from '../../generated/error-catalog.ts';
import { ApiError, injected, validationError } from '../resources/errors.ts';
import { problemResponse } from './problem.ts';
import { answerJson } from './answer-json.ts';
import { ANSWERED, type Step as CheckStep, answeredBy, inOrder } from '../../contract-core/http/request-checks.ts';
import { readTarget } from '../../contract-core/http/request-target.ts';
import { publishableKeyRefusal } from '../../contract-core/credentials.ts';
import type { Route } from '../resources/route.ts';
import { type Match, Router } from './router.ts';
import { type Switches, TokenBucket } from './switches.ts';
import { ROUTES } from '../resources/routes.ts';
import { clockView, moveClock } from '../resources/time-travel.ts';
import type { Database } from '../storage/database.ts';
import { type Tenants, keyDigest } from '../state/tenants.ts';
import { random } from '../../contract-core/random.ts';
import { SANDBOX_HEADER, SANDBOX_HEADER_VALUE } from '../../contract-core/sandbox-identity.ts';

/** The answer to `OPTIONS *` (a question about the server in general): the methods of the routes, and OPTIONS. */
const ALLOW = [...new Set([...ROUTES.map((route) => route.method), 'OPTIONS'])].sort().join(', ');
const JSON_HEADERS = { 'content-type': 'application/json' } as const;
/** An isolated tenant's pages: /tenants/<ref>/sandbox/… (tenants.ts). */
const TENANT_PAGES = /^\/tenants\/([\w-]+)(\/sandbox\/.*)$/;
const BAD_GATEWAY_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>' +
  '<p>The server returned an invalid or incomplete response.</p></body></html>\n';

/** What the steps learn of a request, in their order, for the steps after them and the handler. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** The target's path and query (the `target` check). */
  path: string;
  query: string;
  credentials?: Credentials;
  match?: Match;
  /** The Idempotency-Key of a POST. */
  key?: string;
  body?: unknown;
  search?: URLSearchParams;
  /** Answers an error as its problem, unless the client has gone or an answer has begun. */
  failed(error: unknown): void;
}

type Step = CheckStep<Exchange>;

export interface AppOptions extends Switches {
  /** How long a duplicate waits for the first request under its idempotency key (ms, default 100). */
  idempotencyWaitMs?: number;
}

/** `routes`: the route table (the sandbox bench swaps one handler, to measure the path around it). */
export function createApp(
  db: Database,
  tenants: Tenants,
  options: AppOptions,
  routes: readonly Route[] = ROUTES,
): (req: IncomingMessage, res: ServerResponse) => void {
  const router = new Router(routes);
  const idempotency = new IdempotencyStore(db, options.idempotencyWaitMs ?? 100);
  const bucket = options.rateLimit ? new TokenBucket(options.rateLimit.perSecond, options.rateLimit.burst) : undefined;
  const draw = random(options.seed ?? Date.now());
  const roll = (rate: number | undefined): boolean => rate !== undefined && rate > 0 && draw() < rate;

  /** The checks of contract-core/http/request-checks.ts, in its order, as the sandbox makes them (errors thrown as problems). */
  const steps = inOrder<Step>(
    {
      target: (request) => {
        const { req, res } = request;
        const target = readTarget(request.method, req.url ?? '/');
        if (target.form === 'path') {
          request.path = target.path;
          request.query = target.query;
          return;
        }
        req.resume();
        if (target.form === 'asterisk') send(res, { status: 200, headers: { allow: ALLOW }, body: '' });
        else send(res, problemResponse(new ApiError('invalid_request', target.reason), req.url ?? ''));
        return ANSWERED;
      },
      key: (request) => {
        request.credentials = authenticate(request.req.headersDistinct['authorization']);
      },
      route: (request) => {
        const match = router.match(request.method, request.path);
        if (!match) throw unrouted(router, request.method, request.path);
        request.match = match;
      },
      'idempotency-key': (request) => {
        const key = request.method === 'POST' ? request.req.headers['idempotency-key'] : undefined;
        if (typeof key === 'string') checkKey((request.key = key));
      },
      body: async (request) => {
        const { req } = request;
        const presence = request.match!.route.body ?? 'none';
        const reading = readJsonBody(await readBodyBytes(req), req.headers['content-type'], presence, request.credentials!.publishable);
        if (!reading.ok) throw new ApiError(reading.refusal.code, reading.refusal.detail);
        // An optional body left out (or `null`) is `{}`; a required one stays undefined, for the validator to name.
        request.body = presence === 'optional' ? (reading.value ?? {}) : reading.value;
      },
      'publishable-key': (request) => {
        const refusal = request.credentials!.publishable ? publishableKeyRefusal(request.match!.route.operationId, request.body) : undefined;
        if (refusal) throw unauthorized(refusal);
      },
      query: (request) => {
        request.search = new URLSearchParams(request.query);
        const empty = emptyQueryParameters(request.search);
        if (empty.length > 0) throw validationError(empty.map((field) => ({ field, message: EMPTY_VALUE_MESSAGE })));
      },
    },
    {
      // The sandbox's own pages and operations (not the API's): the customer's pages take no key.
      target: [(request) => ownPage(request)],
      key: bucket
        ? [
            () => {
              const wait = bucket.take();
              if (wait > 0) throw new ApiError('rate_limit_exceeded', undefined, { headers: { 'retry-after': String(wait) } });
            },
          ]
        : [],
      // Injected faults (switches.ts), once the request names an operation.
      route: [
        (request) => {
          if (roll(options.errorRate)) throw injected('internal_server_error');
          if (!roll(options.htmlErrorRate)) return;
          send(request.res, { status: 502, headers: { 'content-type': 'text/html; charset=utf-8' }, body: BAD_GATEWAY_PAGE });
          return ANSWERED;
        },
      ],
    },
  );

  /** Carries out a request that passed every check: idempotency, the handler in a unit of the store, the answer. */
  async function carryOut(request: Exchange): Promise<void> {
    const { res, method, path, body, key } = request;
    const { route, params } = request.match!;
    const search = request.search!;
    const credentials = request.credentials!;
    if (typeof key === 'string' && roll(options.idempotencyErrorRate)) throw injected('idempotency_infrastructure_error');
    const tenant = tenants.tenantOf(credentials.key);
    const claim =
      typeof key === 'string' ? await idempotency.claim(tenant, keyDigest(credentials.key), key, `${method} ${path}\n${canonical(body)}`) : undefined;
    if (claim?.kind === 'replay') {
      await db.committed(); // it may have been stored by a request of the batch still open
      return send(res, { ...claim.response, headers: { ...claim.response.headers, 'idempotent-replayed': 'true' } });
    }
    let response: StoredResponse | undefined;
    try {
      if (options.latencyMs) await sleep(options.latencyMs);
      response = db.unit(() =>
        run(() => {
          const state = tenants.state(tenant);
          // On the tenant's clock: every time the handler writes or compares is its time (state.ids, state/ids.ts).
          return { status: 200, headers: JSON_HEADERS, body: answerJson(db, route.handle({ params, query: search, body, path, state })) };
        }, path),
      );
    } finally {
      // The catalog says which answers are stored for replay (its `replay`); the others, a crash among them,
      // release the key so that the same request is carried out again.
      claim?.finish(response && stored(response) ? response : undefined);
    }
    await db.committed();
    if (roll(options.dropRate)) return void res.socket?.destroy();
    send(res, response);
  }

  /** GET /sandbox/tenant with a key: where that key's pages are (with isolated keys, under its reference). */
  async function tenantPages(req: IncomingMessage, res: ServerResponse, credentials: Credentials): Promise<void> {
    req.resume();
    const origin = db.unit(() => tenants.state(tenants.tenantOf(credentials.key)).origin);
    await db.committed();
    send(res, {
      status: 200,
      headers: JSON_HEADERS,
      body: JSON.stringify({ object: 'sandbox.tenant', isolated: tenants.isolated, pages: `${origin}/sandbox` }),
    });
  }

  /** POST /sandbox/reset with a key: that key's objects (isolated keys), or all of them, back to the seed. */
  async function reset(req: IncomingMessage, res: ServerResponse, credentials: Credentials): Promise<void> {
    req.resume();
    if (credentials.publishable) throw unauthorized('A publishable key cannot reset the sandbox: use a secret key (sk_test_…).');
    const tenant = tenants.isolated ? tenants.tenantOf(credentials.key) : undefined;
    db.unit(() => tenants.reset(tenant));
    await db.committed();
    send(res, { status: 200, headers: JSON_HEADERS, body: JSON.stringify({ object: 'sandbox.reset', scope: tenant === undefined ? 'all' : 'key' }) });
  }

  /** GET / POST /sandbox/clock with a key: that key's clock (isolated keys), or the sandbox's, told or moved on. */
  async function clock(req: IncomingMessage, res: ServerResponse, credentials: Credentials): Promise<void> {
    if (credentials.publishable) throw unauthorized('A publishable key cannot read or move the sandbox clock: use a secret key (sk_test_…).');
    const tenant = tenants.tenantOf(credentials.key);
    if (req.method === 'GET') {
      req.resume();
      return send(res, { status: 200, headers: JSON_HEADERS, body: JSON.stringify(clockView(tenants, tenant)) });
    }
    const reading = readJsonBody(await readBodyBytes(req), req.headers['content-type'], 'required');
    if (!reading.ok) throw new ApiError(reading.refusal.code, reading.refusal.detail);
    const view = moveClock(db, tenants, tenant, reading.value);
    await db.committed();
    send(res, { status: 200, headers: JSON_HEADERS, body: JSON.stringify(view) });
  }

  /** The sandbox's own operations that take a key: what answers each, by method and path. */
  const keyed = (method: string, path: string) =>
    method === 'POST' && path === '/sandbox/reset'
      ? reset
      : method === 'GET' && path === '/sandbox/tenant'
        ? tenantPages
        : (method === 'GET' || method === 'POST') && path === '/sandbox/clock'
          ? clock
          : undefined;

  /** The sandbox's own pages and operations: answered here (ANSWERED), or undefined for the API's. */
  function ownPage(request: Exchange): typeof ANSWERED | undefined {
    const { req, res, path, query, failed } = request;
    const own = keyed(request.method, path);
    if (own) {
      try {
        own(req, res, authenticate(req.headersDistinct['authorization'])).catch(failed);
      } catch (error) {
        req.resume();
        failed(error);
      }
      return ANSWERED;
    }
    if (path.startsWith('/sandbox/')) {
      handleBrowser(db, tenants, req, res, path, new URLSearchParams(query), undefined).catch(failed);
      return ANSWERED;
    }
    const scoped = TENANT_PAGES.exec(path);
    if (!scoped) return undefined;
    const tenant = tenants.isolated ? tenants.byRef(scoped[1]!) : undefined;
    if (tenant === undefined) {
      req.resume();
      send(res, {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `No key's objects have the reference ${scoped[1]} (a reset or an eviction ends them).\n`,
      });
    } else handleBrowser(db, tenants, req, res, scoped[2]!, new URLSearchParams(query), tenant).catch(failed);
    return ANSWERED;
  }

  async function handle(request: Exchange): Promise<void> {
    if (await answeredBy(steps, request)) return;
    await carryOut(request);
  }

  return (req, res) => {
    // Every answer says what answers it (contract-core/sandbox-identity.ts): verify then knows a sandbox by itself.
    res.setHeader(SANDBOX_HEADER, SANDBOX_HEADER_VALUE);
    const request: Exchange = {
      req,
      res,
      method: req.method ?? 'GET',
      path: '',
      query: '',
      failed: (error: unknown) => {
        if (!isClientGone(req, error) && !res.headersSent) send(res, problemResponse(error, request.path));
      },
    };
    handle(request).catch(request.failed);
  };
}

/**
 * No route: `404 not_found`, as for a path no operation has (the catalog has no 405: sandbox/README.md,
 * "HTTP"), with `Allow` naming the methods the path does have, when it has some (RFC 9110 §10.2.1 lets any
 * answer carry it), so that a client learns what it may send there.
 */
function unrouted(router: Router, method: string, path: string): ApiError {
  const methods = router.methodsOf(path);
  if (methods.length === 0) return new ApiError('not_found', `Unrecognized request URL (${method} ${path}).`);
  return new ApiError('not_found', `${path} has no ${method} operation; it answers ${methods.join(', ')}.`, { headers: { allow: methods.join(', ') } });
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

function send(res: ServerResponse, response: StoredResponse): void {
  res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
  res.end(response.body);
}
