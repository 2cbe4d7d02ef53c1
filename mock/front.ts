// The front: the mock's HTTP server. It makes the checks the API makes first, in the order of the table the
// sandbox runs too (contract-core/http/request-checks.ts) and by the rules the two share (contract-core/:
// credentials, the body, card numbers, empty query parameters); then it hands the request to Prism
// (in process) and answers Prism's problems in the catalog's shape. Success answers go out as Prism made them,
// unless the query breaks a relation between parameters (`x-parameter-rules`), which Prism does not read.
import { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type Authentication, WWW_AUTHENTICATE, authenticate, publishableKeyRefusal } from '../contract-core/credentials.ts';
import { PARAMETER_RULE_CODE, breachOf } from '../contract-core/parameter-rules.ts';
import { EMPTY_VALUE_MESSAGE, emptyQueryParameters } from '../contract-core/query.ts';
import { readBodyBytes, readJsonBody } from '../contract-core/request-body.ts';
import type { ErrorCode } from '../generated/error-catalog.ts';
import { ERROR_CATALOG, isErrorCode } from '../generated/error-catalog.ts';
import { isClientGone } from '../contract-core/http/client-gone.ts';
import { ANSWERED, type Step as CheckStep, answeredBy, inOrder } from '../contract-core/http/request-checks.ts';
import { type RequestTarget, readTarget } from '../contract-core/http/request-target.ts';
import type { Operation, Routes } from './operations.ts';
import { type FieldError, type Problem, problem, translate } from './problems.ts';
import type { Prism, PrismRequest } from './prism.ts';
import { keepsHeaderRule } from './request-checks.ts';
import { checkPrefer } from './prefer.ts';
import { PROBLEM_MEDIA_TYPE } from '../contract-core/conventions.ts';

export type FrontOptions = {
  routes: Routes;
  prism: Prism;
  /** Receives one line per request (method, path, status, code of a problem, ms); false: no log. */
  log: ((line: string) => void) | false;
};

type Headers = Record<string, string | number | string[]>;

/** A request as the front's steps see it, and what they learn of it for the steps after them. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  target: RequestTarget;
  /** The target's path (its text as sent, when not a path) and query. */
  pathname: string;
  search: string;
  operation: Operation | undefined;
  credentials?: Extract<Authentication, { ok: true }>;
  /** The JSON body, or null. */
  body: unknown;
  /** The status of the example `Prefer` names, for Prism. */
  preferredCode?: string;
  answer(given: Problem, headers?: Headers): void;
}

type Step = CheckStep<Exchange>;

/** Answers a refusal of a check made before the body is read. */
function refuse(request: Exchange, refusal: Problem): typeof ANSWERED {
  request.req.resume();
  request.answer(refusal);
  return ANSWERED;
}

const EMPTY_SEGMENT = /\/\/|.\/$/;

export function createFront({ routes, prism, log }: FrontOptions): Server {
  const note = log || (() => {});

  /** The checks of contract-core/http/request-checks.ts, in its order, as the front makes them (each answers its refusal). */
  const steps = inOrder<Step>(
    {
      target: ({ req, res, answer, pathname, target }) => {
        if (target.form === 'path') return;
        req.resume();
        if (target.form === 'asterisk') send(res, 200, { allow: routes.allow }, '');
        else answer(problem('invalid_request', target.reason, pathname));
        return ANSWERED;
      },
      key: (request) => {
        const credentials = authenticate(request.req.headersDistinct['authorization']);
        if (credentials.ok) return void (request.credentials = credentials);
        request.req.resume();
        request.answer(problem('unauthorized', credentials.detail, request.pathname), { 'www-authenticate': WWW_AUTHENTICATE });
        return ANSWERED;
      },
      // No operation: Prism answers the 404 (with Allow naming the path's methods), whatever else the request holds.
      route: async (request) => {
        const refusal = checkPath(request.pathname);
        if (refusal) return refuse(request, refusal);
        if (request.operation) return;
        await forward(request);
        return ANSWERED;
      },
      'idempotency-key': (request) => {
        const refusal = checkIdempotencyKey(request.req.headers, request.operation, request.pathname, routes.detailOf);
        if (refusal) return refuse(request, refusal);
      },
      body: async (request) => {
        const { req, operation, pathname } = request;
        const presence = operation!.requestBody === undefined ? 'none' : operation!.requestBody.required ? 'required' : 'optional';
        const reading = readJsonBody(await readBodyBytes(req), req.headers['content-type'], presence, request.credentials!.publishable);
        if (reading.ok) return void (request.body = reading.value ?? null);
        request.answer(problem(reading.refusal.code, reading.refusal.detail, pathname));
        return ANSWERED;
      },
      'publishable-key': (request) => {
        const refusal = request.credentials!.publishable ? publishableKeyRefusal(request.operation!.operationId, request.body) : undefined;
        if (!refusal) return;
        request.answer(problem('unauthorized', refusal, request.pathname), { 'www-authenticate': WWW_AUTHENTICATE });
        return ANSWERED;
      },
      query: (request) => {
        const errors = queryErrors(request.operation!, new URLSearchParams(request.search));
        if (errors.length === 0) return;
        request.answer(problem('validation_error', routes.detailOf('validation_error'), request.pathname, errors));
        return ANSWERED;
      },
    },
    {
      // A CORS preflight (Prism's own server answers it): no key is sent with one.
      target: [
        ({ req, res, method }) => {
          if (method !== 'OPTIONS' || !req.headers['access-control-request-method']) return;
          req.resume();
          send(res, 204, { ...cors(req.headers), 'access-control-allow-methods': req.headers['access-control-request-method'], vary: 'origin' }, '');
          return ANSWERED;
        },
      ],
      // `Prefer: example=…` names an example the operation has (prefer.ts).
      query: [
        (request) => {
          const preferred = request.req.headers['prefer'];
          const prefer = preferred === undefined ? undefined : checkPrefer(request.operation!, [preferred].flat().join(', '));
          if (prefer && 'refusal' in prefer) {
            request.answer(problem('invalid_request', prefer.refusal, request.pathname));
            return ANSWERED;
          }
          if (prefer?.code !== undefined) request.preferredCode = prefer.code;
        },
      ],
    },
  );

  async function handle(request: Exchange): Promise<void> {
    if (await answeredBy(steps, request)) return;
    await forward(request);
  }

  /** The request handed to Prism (the body read first, when no check read it), and its answer sent in the catalog's shape. */
  async function forward(request: Exchange): Promise<void> {
    const { req, res, method, pathname, search, operation, body } = request;
    if (!operation) await readBodyBytes(req); // without an operation Prism answers 404 whatever the body
    const reply = await prism.answer(prismRequest(req, pathname, search, body, request.credentials!.key, request.preferredCode));
    const headers = { ...cors(req.headers), ...reply.headers };
    const isProblem = reply.status >= 400 || (reply.headers['content-type'] ?? '').includes(PROBLEM_MEDIA_TYPE);
    if (!isProblem) {
      // A relation between query parameters (x-parameter-rules) is checked once Prism found each valid, as
      // the sandbox checks it after the parameters' own rules.
      const breach = operation && breachOf(operation.parameterRules, new URLSearchParams(search));
      if (breach) return request.answer(problem(PARAMETER_RULE_CODE, breach.detail, pathname));
      const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      return send(res, reply.status, headers, text);
    }
    const { 'content-type': _, ...kept } = headers;
    const seen = { method, path: pathname, pathMethods: routes.methodsOf(pathname) };
    // A method the path does not have: 404 (the catalog has no 405) with the path's methods in `Allow`, as the sandbox answers.
    const allow =
      operation || seen.pathMethods.length === 0
        ? {}
        : {
            allow: seen.pathMethods
              .map((m) => m.toUpperCase())
              .sort()
              .join(', '),
          };
    return request.answer(translate(reply.body, reply.status, reply.violations, seen, routes.detailOf), { ...kept, ...allow });
  }

  return createServer((req, res) => {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const target = readTarget(method, req.url ?? '/');
    // An absolute-form target is routed by its path; any other form is named by the target as sent.
    const pathname = target.form === 'path' ? target.path : (req.url ?? '');
    const search = target.form === 'path' ? target.query : '';
    // An empty segment (`/v2/customers/`) names no object: no operation (Prism would take an empty ID).
    const operation = target.form !== 'path' || EMPTY_SEGMENT.test(pathname) ? undefined : routes.find(method, pathname);
    let code = '';
    if (log) {
      res.once('finish', () => {
        const ms = (performance.now() - started).toFixed(1);
        log(`${method} ${pathname} ${res.statusCode}${code && ` ${code}`} ${ms}ms`);
      });
    }
    const answer = (given: Problem, headers: Headers = {}): void => {
      const sent = allowedFor(operation, given, note);
      code = sent.code;
      send(res, sent.status, { ...headers, 'content-type': PROBLEM_MEDIA_TYPE }, JSON.stringify(sent));
    };

    const request: Exchange = { req, res, method, target, pathname, search, operation, body: null, answer };
    handle(request).catch((error: unknown) => {
      if (isClientGone(req, error)) return note(`${method} ${pathname}: the client left before its request was read`);
      note(`mock: unexpected error on ${method} ${pathname}: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) answer(problem('internal_server_error', `The mock failed: ${(error as Error).message}`, pathname));
    });
  });
}

/** Prism dies on a path that is not valid percent-encoding (an uncaught URIError): refuse it here. An empty segment: 404. */
function checkPath(pathname: string): Problem | undefined {
  try {
    decodeURIComponent(pathname);
  } catch {
    return problem('invalid_request', `The path ${pathname} is not valid percent-encoding.`, pathname);
  }
  return EMPTY_SEGMENT.test(pathname) ? problem('not_found', `No operation has the path ${pathname}.`, pathname) : undefined;
}

/** The Idempotency-Key format, on operations that take the header. */
function checkIdempotencyKey(
  headers: IncomingHttpHeaders,
  operation: Operation | undefined,
  instance: string,
  detailOf: Routes['detailOf'],
): Problem | undefined {
  const idempotencyKey = headers['idempotency-key'];
  if (
    typeof idempotencyKey === 'string' &&
    operation?.errors.includes('invalid_idempotency_key') &&
    !keepsHeaderRule(operation, 'Idempotency-Key', idempotencyKey)
  ) {
    return problem('invalid_idempotency_key', detailOf('invalid_idempotency_key'), instance);
  }
  return undefined;
}

/**
 * Query values Prism would let through: an empty one (the rule the sandbox shares), and an integer written
 * otherwise than as digits (Prism reads ` 5` as 5; the sandbox, like JSON, does not).
 */
function queryErrors(operation: Operation, search: URLSearchParams): FieldError[] {
  const errors = emptyQueryParameters(search).map((field) => ({ field, message: EMPTY_VALUE_MESSAGE }));
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query' || parameter.schema['type'] !== 'integer') continue;
    if (search.getAll(parameter.name).some((value) => value !== '' && !/^-?\d+$/.test(value)))
      errors.push({ field: parameter.name, message: 'must be an integer' });
  }
  return errors;
}

/**
 * The request as Prism reads it, with the key as a bearer token, less the Accept header (Prism would answer
 * an error documented as problem+json with the success when a client accepts only application/json), and with
 * `Prefer: example=<name>` completed by the status the example is documented under (Prism looks for a named
 * example only under the status it is asked for, else under the success).
 */
function prismRequest(req: IncomingMessage, path: string, search: string, body: unknown, key: string, preferredCode: string | undefined): PrismRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && name !== 'accept') headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // The key as Prism reads credentials (it takes only `Bearer` with one space; the front took any form).
  headers['authorization'] = `Bearer ${key}`;
  const prefer = headers['prefer'];
  if (prefer !== undefined && preferredCode !== undefined && !/\bcode=/.test(prefer)) headers['prefer'] = `${prefer}, code=${preferredCode}`;
  return { method: (req.method ?? 'GET').toLowerCase(), url: { path, query: search ? queryOf(search) : {} }, headers, body };
}

function queryOf(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  const params = new URLSearchParams(search);
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/** The CORS headers Prism's own server sends, so that a browser page can call the mock. */
const cors = (headers: IncomingHttpHeaders): Headers => ({
  'access-control-allow-origin': headers.origin ?? '*',
  'access-control-allow-headers': headers['access-control-request-headers'] ?? '*',
  'access-control-allow-credentials': 'true',
  'access-control-expose-headers': '*',
});

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

function send(res: ServerResponse, status: number, headers: Headers, text: string): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
