// A small stand-in for PAY.JP itself, written from PAY.JP's own documents and not from this contract: the tax
// rates of the API (list, create, get, update), answered as the real API is documented to answer (with the
// timestamps and list filters of PAY.JP's SDK 1.0.7). Problems have
// the titles PAY.JP publishes and the client names, and the code the client names for a metadata overflow.
// Where the contract only infers, it behaves as a real server well may: a 429 without Retry-After, and unknown
// body fields ignored (as pydantic does by default). fake-real-server.test.ts runs the contract suite against it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface TaxRate {
  object: 'tax_rate';
  id: string;
  display_name: string;
  inclusive: boolean;
  percentage: number;
  active: boolean;
  country: string | null;
  description: string | null;
  metadata: Record<string, string | number | boolean>;
  livemode: false;
  created_at: string;
  updated_at: string;
}
type Body = Record<string, unknown>;
type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/** A problem as PAY.JP documents one: RFC 9457 with its Title Case title. */
class Problem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: { field: string; message: string }[] | undefined;

  constructor(status: number, code: string, title: string, detail: string, errors?: { field: string; message: string }[]) {
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}
const KEY = /^[A-Za-z0-9_-]{1,255}$/;
/**
 * A bucket of `requests` refilled at `perSecond`: emptying it trips the limit, which then refuses everything for
 * `coolDownMs`. The suite's paced cases (at most 40 request starts a second) never empty it; its burst (batches of
 * 20 at once) empties it unless a batch takes over 0.4 s. A window of 200 ms, before, was not tripped by a burst
 * a loaded machine slowed below 150 requests a second.
 */
export const BURST = { perSecond: 45, requests: 30, coolDownMs: 1000 };

function validation(errors: { field: string; message: string }[]): Problem {
  return new Problem(422, 'validation_error', 'Validation Error', "The request parameters didn't pass validation.", errors);
}

/** Checks the fields a handler reads; fields it does not know are ignored, as a default pydantic model does. */
function fields(body: Body, rules: Record<string, ['string' | 'boolean' | 'number' | 'object', boolean]>): void {
  const errors = Object.entries(rules).flatMap(([field, [type, required]]) => {
    const value = body[field];
    if (value === undefined) return required ? [{ field, message: 'Field required' }] : [];
    const ok = type === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value) : typeof value === type;
    return ok ? [] : [{ field, message: `Input should be a valid ${type}` }];
  });
  if (errors.length > 0) throw validation(errors);
}

export async function startRealServer(): Promise<{ url: string; close(): Promise<void> }> {
  const rates: TaxRate[] = [];
  const stored = new Map<string, { fingerprint: string; answer: Answer }>();
  let tokens: number = BURST.requests;
  let filledAt = performance.now();
  let limitedUntil = 0;
  let next = 0;

  const find = (id: string): TaxRate => {
    const rate = rates.find((r) => r.id === id);
    if (!rate) throw new Problem(404, 'not_found', 'Not Found', `No such tax rate: ${id}`);
    return rate;
  };
  const merge = (current: TaxRate['metadata'], given: unknown): TaxRate['metadata'] => {
    const merged = { ...current };
    for (const [key, value] of Object.entries((given ?? {}) as TaxRate['metadata'])) {
      if (value === '') delete merged[key];
      else merged[key] = value;
    }
    if (Object.keys(merged).length > 20) throw new Problem(400, 'metadata_limit_exceeded', 'Metadata Limit Exceeded', 'Metadata can hold at most 20 keys.');
    return merged;
  };

  function route(method: string, path: string, query: URLSearchParams, body: Body): unknown {
    if (method === 'GET' && path === '/v2/tax_rates') {
      const limit = Number(query.get('limit') ?? 10);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw validation([{ field: 'limit', message: 'Input should be between 1 and 100' }]);
      const flag = (name: 'active' | 'inclusive'): boolean | undefined => {
        const value = query.get(name);
        if (value === null) return undefined;
        if (value !== 'true' && value !== 'false') throw validation([{ field: name, message: 'Input should be a valid boolean' }]);
        return value === 'true';
      };
      const active = flag('active');
      const inclusive = flag('inclusive');
      const newest = [...rates]
        .reverse()
        .filter((r) => (active === undefined || r.active === active) && (inclusive === undefined || r.inclusive === inclusive));
      const cursor = query.get('starting_after');
      const from = cursor === null ? 0 : newest.findIndex((r) => r.id === cursor) + 1;
      if (from === 0 && cursor !== null) throw new Problem(400, 'resource_missing', 'Resource Missing', `No such object: ${cursor}`);
      return { object: 'list', url: path, has_more: newest.length > from + limit, data: newest.slice(from, from + limit) };
    }
    if (method === 'POST' && path === '/v2/tax_rates') {
      fields(body, {
        display_name: ['string', true],
        inclusive: ['boolean', true],
        percentage: ['number', true],
        description: ['string', false],
        metadata: ['object', false],
      });
      const rate: TaxRate = {
        object: 'tax_rate',
        id: `txr_fake${(next += 1)}`,
        display_name: body['display_name'] as string,
        inclusive: body['inclusive'] as boolean,
        percentage: body['percentage'] as number,
        active: body['active'] !== false,
        country: (body['country'] as string | undefined) ?? null,
        description: (body['description'] as string | undefined) ?? null,
        metadata: merge({}, body['metadata']),
        livemode: false,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      };
      rates.push(rate);
      return rate;
    }
    // Events of its objects: the fake keeps none (no tax-rate change is an event the documents list), so a
    // client reading the events a request made finds none, and none twice.
    if (method === 'GET' && path === '/v2/events') return { object: 'list', url: path, has_more: false, data: [] };
    const one = /^\/v2\/tax_rates\/([^/]+)$/.exec(path);
    if (one && method === 'GET') return find(decodeURIComponent(one[1]!));
    if (one && method === 'POST') {
      const rate = find(decodeURIComponent(one[1]!));
      fields(body, { display_name: ['string', false], description: ['string', false], active: ['boolean', false], metadata: ['object', false] });
      return Object.assign(rate, {
        display_name: body['display_name'] ?? rate.display_name,
        description: body['description'] ?? rate.description,
        active: body['active'] ?? rate.active,
        metadata: merge(rate.metadata, body['metadata']),
        updated_at: new Date().toISOString(),
      });
    }
    throw new Problem(404, 'not_found', 'Not Found', `Unrecognized request URL (${method} ${path}).`);
  }

  async function answer(req: IncomingMessage, path: string, query: URLSearchParams, text: string): Promise<Answer> {
    const now = performance.now();
    tokens = Math.min(BURST.requests, tokens + ((now - filledAt) / 1000) * BURST.perSecond) - 1;
    filledAt = now;
    if (tokens < 0) limitedUntil = now + BURST.coolDownMs;
    // Over the limit: 429, and like many real servers, no Retry-After.
    if (now < limitedUntil) throw new Problem(429, 'rate_limit_exceeded', 'Rate Limit Exceeded', 'Too many requests.');
    const auth = req.headers.authorization ?? '';
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString().split(':')[0]! : '';
    if (!/^sk_test_\w+$/.test(key)) throw new Problem(401, 'unauthorized', 'Unauthorized', 'Invalid API key provided.');
    const method = req.method ?? 'GET';
    const idempotencyKey = method === 'POST' ? req.headers['idempotency-key'] : undefined;
    if (typeof idempotencyKey === 'string' && !KEY.test(idempotencyKey))
      throw new Problem(400, 'invalid_idempotency_key', 'Invalid Idempotency Key', 'The Idempotency-Key is invalid.');
    let body: Body = {};
    try {
      if (text !== '') body = JSON.parse(text) as Body;
    } catch {
      throw new Problem(400, 'invalid_request', 'Invalid Request', 'The body is not JSON.');
    }
    const fingerprint = `${method} ${path} ${text}`;
    const earlier = typeof idempotencyKey === 'string' ? stored.get(idempotencyKey) : undefined;
    if (earlier && earlier.fingerprint !== fingerprint)
      throw new Problem(409, 'idempotency_conflict', 'Idempotency Conflict', 'The key was used with other parameters.');
    if (earlier) return { ...earlier.answer, headers: { 'idempotent-replayed': 'true' } };
    let result: Answer;
    try {
      result = { status: 200, body: route(method, path, query, body) };
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      result = asAnswer(error, path);
    }
    if (typeof idempotencyKey === 'string') stored.set(idempotencyKey, { fingerprint, answer: structuredClone(result) });
    return result;
  }

  const asAnswer = (problem: Problem, instance: string): Answer => ({
    status: problem.status,
    body: {
      type: `https://docs.pay.jp/v2/errors/${problem.code.replaceAll('_', '-')}`,
      title: problem.title,
      status: problem.status,
      code: problem.code,
      detail: problem.detail,
      instance,
      ...(problem.errors ? { errors: problem.errors } : {}),
    },
  });

  const server = createServer((req, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      answer(req, url.pathname, url.searchParams, Buffer.concat(chunks).toString('utf8'))
        .catch((error: unknown) =>
          asAnswer(
            error instanceof Problem ? error : new Problem(500, 'internal_server_error', 'Internal Server Error', 'An unexpected error occurred.'),
            url.pathname,
          ),
        )
        .then(({ status, body, headers }) => {
          const text = JSON.stringify(body);
          res.writeHead(status, {
            'content-type': status < 300 ? 'application/json' : 'application/problem+json',
            'content-length': Buffer.byteLength(text),
            ...headers,
          });
          res.end(text);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
