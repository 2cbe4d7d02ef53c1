// The front: the mock's HTTP server. It makes the checks the API makes first, in the sandbox's order and by
// the rules the two share (contract-core/: credentials, the body, card numbers, empty query parameters):
// the key, the path, the Idempotency-Key format, the body, the query; then it hands the request to Prism
// (in process) and answers Prism's problems in the catalog's shape. Success answers go out as Prism made them,
// unless the query breaks a relation between parameters (`x-parameter-rules`), which Prism does not read.
import { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { WWW_AUTHENTICATE, authenticate, publishableKeyRefusal } from '../contract-core/credentials.ts';
import { PARAMETER_RULE_CODE, breachOf } from '../contract-core/parameter-rules.ts';
import { EMPTY_VALUE_MESSAGE, emptyQueryParameters } from '../contract-core/query.ts';
import { readBodyBytes, readJsonBody } from '../contract-core/request-body.ts';
import type { ErrorCode } from '../generated/error-catalog.ts';
import { ERROR_CATALOG, isErrorCode } from '../generated/error-catalog.ts';
import { isClientGone } from '../contract-core/http/client-gone.ts';
import { readTarget } from '../contract-core/http/request-target.ts';
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

const EMPTY_SEGMENT = /\/\/|.\/$/;

export function createFront({ routes, prism, log }: FrontOptions): Server {
  const note = log || (() => {});

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

    if (target.form === 'asterisk') {
      req.resume();
      send(res, 200, { allow: routes.allow }, '');
      return;
    }
    if (target.form === 'invalid') {
      req.resume();
      answer(problem('invalid_request', target.reason, pathname));
      return;
    }
    if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
      req.resume();
      send(res, 204, { ...cors(req.headers), 'access-control-allow-methods': req.headers['access-control-request-method'], vary: 'origin' }, '');
      return;
    }
    // Authentication comes first, as in the sandbox: without a valid key nothing else is told.
    const credentials = authenticate(req.headersDistinct['authorization']);
    if (!credentials.ok) {
      req.resume();
      answer(problem('unauthorized', credentials.detail, pathname), { 'www-authenticate': WWW_AUTHENTICATE });
      return;
    }
    const refusal = checkPath(pathname) ?? checkIdempotencyKey(req.headers, operation, pathname, routes.detailOf);
    if (refusal) {
      req.resume();
      answer(refusal);
      return;
    }
    readBodyBytes(req)
      .then(async (bytes) => {
        // Without an operation Prism answers 404 whatever the body.
        let body: unknown = null;
        if (operation) {
          const presence = operation.requestBody === undefined ? 'none' : operation.requestBody.required ? 'required' : 'optional';
          const reading = readJsonBody(bytes, req.headers['content-type'], presence, credentials.publishable);
          if (!reading.ok) return answer(problem(reading.refusal.code, reading.refusal.detail, pathname));
          body = reading.value ?? null;
          const refusal = credentials.publishable ? publishableKeyRefusal(operation.operationId, body) : undefined;
          if (refusal) return answer(problem('unauthorized', refusal, pathname), { 'www-authenticate': WWW_AUTHENTICATE });
          const errors = queryErrors(operation, new URLSearchParams(search));
          if (errors.length > 0) return answer(problem('validation_error', routes.detailOf('validation_error'), pathname, errors));
        }

        const preferred = req.headers['prefer'];
        const prefer = operation && preferred !== undefined ? checkPrefer(operation, [preferred].flat().join(', ')) : undefined;
        if (prefer && 'refusal' in prefer) return answer(problem('invalid_request', prefer.refusal, pathname));
        const reply = await prism.answer(prismRequest(req, pathname, search, body, credentials.key, prefer?.code));
        const headers = { ...cors(req.headers), ...reply.headers };
        const isProblem = reply.status >= 400 || (reply.headers['content-type'] ?? '').includes(PROBLEM_MEDIA_TYPE);
        if (!isProblem) {
          // A relation between query parameters (x-parameter-rules) is checked once Prism found each valid, as
          // the sandbox checks it after the parameters' own rules.
          const breach = operation && breachOf(operation.parameterRules, new URLSearchParams(search));
          if (breach) return answer(problem(PARAMETER_RULE_CODE, breach.detail, pathname));
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
        return answer(translate(reply.body, reply.status, reply.violations, seen, routes.detailOf), { ...kept, ...allow });
      })
      .catch((error: unknown) => {
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
