// The response validator: the bundle's schemas compiled with ajv (JSON Schema 2020-12, strict mode), once a
// bundle and then reused (compiled-schemas.ts), and the named checks of checks/ run over each answer (the
// status, media type, headers, body schema, and for problems the error catalog). Every violation names its
// check and the rule it breaks with that rule's evidence (published, client, incident or inferred: the
// catalog, the catalog's rules, or the schema's `x-evidence`), so that a run can tell a broken fact from a
// difference with our inference (grading.ts).
// Before any check, an answer that is not the API's (an HTML page, a gateway) is an infrastructure failure.
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { ERROR_CATALOG, OPERATION_ERRORS, isErrorCode } from '../generated/error-catalog.ts';
import { CLIENT_SHAPE, isObject, type Answer, type CheckContext, type Finding } from './checks/check.ts';
import { CHECKS, CHECK_NAMES, KNOWN_OPERATION, type CheckName } from './checks/index.ts';
import { loadContract, matchOperation, type Contract, type Operation } from './contract.ts';
import { compiledSchemas } from './compiled-schemas.ts';

export type { Location } from './checks/check.ts';

export interface Violation extends Finding {
  /** The named check that found it (checks/), or `known_operation` for an answer no operation documents. */
  check: CheckName | typeof KNOWN_OPERATION;
}

/** Why a request got no answer: nothing listening, no answer in time, or the connection failed otherwise. */
export type TransportFailure = 'connection-refused' | 'timeout' | 'connection-failed' | 'too-large';

/**
 * What went wrong before the contract could be checked: an edge page instead of the API, a gateway; or no
 * answer at all (the connection refused, timed out or cut: client.ts), or a case that threw (runner.ts).
 */
export interface InfrastructureFailure {
  kind: 'non-json-body' | 'gateway-status' | TransportFailure | 'case-error';
  message: string;
  /** The answer's status and media type; absent when there was no answer. */
  status?: number;
  contentType?: string;
  /** The first bytes of the body, to recognise a CDN or WAF page. */
  excerpt?: string;
}

export interface ResponseUnderTest {
  method: string;
  /** Concrete (`/v2/customers/cus_1`) or template (`/v2/customers/{customer_id}`); a full URL is fine. */
  path: string;
  status: number;
  contentType: string | null | undefined;
  headers?: Headers | Record<string, string | readonly string[] | undefined>;
  /** The raw body text (a string is always read as text and parsed) or the parsed JSON value. */
  body: unknown;
}

export interface ValidationResult {
  ok: boolean;
  operationId: string | undefined;
  violations: Violation[];
  infrastructure: InfrastructureFailure[];
}

const GATEWAY_STATUSES = new Set([502, 503, 504]);

const mediaTypeOf = (contentType: string | null | undefined): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

function lowerCaseHeaders(headers: ResponseUnderTest['headers']): Map<string, string> {
  const map = new Map<string, string>();
  if (headers instanceof Headers) headers.forEach((value, name) => map.set(name.toLowerCase(), value));
  else if (headers) {
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) map.set(name.toLowerCase(), typeof value === 'string' ? value : value.join(', '));
    }
  }
  return map;
}

/** An answer of a known operation: no method and path to match. */
export type OperationResponse = Omit<ResponseUnderTest, 'method' | 'path'>;

export interface Validator {
  contract: Contract;
  /** The checks this validator runs, in order. */
  checks: readonly CheckName[];
  validateResponse(response: ResponseUnderTest): ValidationResult;
  /** Judges an answer of the operation named (throws on an operationId the bundle does not have). */
  validateOperationResponse(operationId: string, response: OperationResponse): ValidationResult;
}

export interface ValidatorOptions {
  /** The named checks to run (checks/index.ts, `selectChecks`); all of them by default. */
  checks?: readonly CheckName[];
  /** Where the compiled schemas are looked for and written (compiled-schemas.ts); the shipped ones, then node_modules/.cache, by default. */
  cacheDir?: string;
}

export function createValidator(contract: Contract = loadContract(), options: ValidatorOptions = {}): Validator {
  const { document, operations } = contract;
  const selected = CHECKS.filter((check) => (options.checks ?? CHECK_NAMES).includes(check.name));

  for (const operation of operations) {
    if (!Object.hasOwn(OPERATION_ERRORS, operation.operationId)) {
      throw new Error(`${operation.label} is missing from generated/error-catalog.ts: run \`npm run gen\``);
    }
  }
  // Every response's schema, each text once (the shared responses, 401, 429..., serve all operations), named
  // by where it is first used: one that ajv cannot read fails at start-up, named by operation, not mid-suite.
  const indexOf = new Map<string, number>();
  const firstUse: string[] = [];
  const responseSchema = new Map<string, number>();
  const slot = (operation: Operation, status: string, mediaType: string): string => `${operation.operationId} ${status} ${mediaType}`;
  for (const operation of operations) {
    for (const [status, response] of operation.responses) {
      for (const [mediaType, media] of response.content) {
        const text = JSON.stringify(media.schema);
        if (!indexOf.has(text)) {
          indexOf.set(text, firstUse.length);
          firstUse.push(`${operation.label} response ${status} ${mediaType}`);
        }
        responseSchema.set(slot(operation, status, mediaType), indexOf.get(text)!);
      }
    }
  }
  // verbose: each error carries its schema node, whose `x-evidence` grades it.
  const { validators } = compiledSchemas(document, [...indexOf.keys()], {
    verbose: true,
    ...(options.cacheDir === undefined ? {} : { dirs: [options.cacheDir] }),
    nameOf: (index) => firstUse[index]!,
  });
  const schemaFor = (operation: Operation, status: string, mediaType: string): ValidateFunction | undefined => {
    const index = responseSchema.get(slot(operation, status, mediaType));
    return index === undefined ? undefined : validators[index];
  };

  const context: CheckContext = { schemaFor };
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));

  function validateResponse(response: ResponseUnderTest): ValidationResult {
    const matched = matchOperation(operations, response.method, response.path);
    if (!matched) {
      const route = `${response.method.toUpperCase()} ${response.path}`;
      const violation: Violation = {
        check: KNOWN_OPERATION,
        location: 'route',
        pointer: '/route',
        message: `no operation ${route} in the contract`,
        expected: 'a documented operation',
        actual: route,
        rule: 'the operations of the client',
        evidence: CLIENT_SHAPE,
      };
      return { ok: false, operationId: undefined, violations: [violation], infrastructure: [] };
    }
    return judge(matched.operation, response);
  }

  function validateOperationResponse(operationId: string, response: OperationResponse): ValidationResult {
    const operation = byId.get(operationId);
    if (!operation)
      throw new Error(`unknown operationId '${operationId}': the contract has ${operations.length} operations (${[...byId.keys()].slice(0, 3).join(', ')}, …)`);
    return judge(operation, response);
  }

  function judge(operation: Operation, response: OperationResponse): ValidationResult {
    const violations: Violation[] = [];
    const infrastructure: InfrastructureFailure[] = [];
    const mediaType = mediaTypeOf(response.contentType);
    const text = typeof response.body === 'string' ? response.body : undefined;
    const infra = (kind: InfrastructureFailure['kind'], message: string): void => {
      infrastructure.push({ kind, message, status: response.status, contentType: mediaType, excerpt: (text ?? '').slice(0, 120) });
    };
    const result = (): ValidationResult => ({
      ok: violations.length === 0 && infrastructure.length === 0,
      operationId: operation.operationId,
      violations,
      infrastructure,
    });

    let body: unknown = response.body;
    if (text !== undefined) {
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        infra('non-json-body', `the body is not JSON (${mediaType || 'no Content-Type'}): not an answer of the API, probably a CDN or proxy page`);
        return result();
      }
    }
    const problemCode = isObject(body) && isErrorCode(body['code']) ? body['code'] : undefined;
    const allowed = (OPERATION_ERRORS as Record<string, readonly string[]>)[operation.operationId] ?? [];
    // PAY.JP's published specification answers 503 for temporary failures and maintenance on any operation;
    // only a 503 with a code this operation documents is the contract's to judge.
    const documented503 = problemCode !== undefined && ERROR_CATALOG[problemCode].status === 503 && allowed.includes(problemCode);
    if (response.status === 503 && !documented503) {
      infra(
        'gateway-status',
        `HTTP 503 without a code ${operation.label} documents: maintenance or a temporary failure, which PAY.JP publishes for every operation`,
      );
      return result();
    }
    const documented = operation.responses.get(String(response.status)) ?? operation.responses.get('default');
    if (!documented && GATEWAY_STATUSES.has(response.status)) {
      infra('gateway-status', `HTTP ${response.status} is not documented for ${operation.label}: a gateway or edge answered`);
      return result();
    }
    const answer: Answer = {
      operation,
      status: response.status,
      documented,
      mediaType,
      contentType: response.contentType ?? null,
      headers: lowerCaseHeaders(response.headers),
      body,
      problemCode,
    };
    for (const check of selected) {
      for (const finding of check.run(answer, context)) violations.push({ check: check.name, ...finding });
    }
    return result();
  }

  return { contract, checks: selected.map((check) => check.name), validateResponse, validateOperationResponse };
}

let shared: Validator | undefined;
/** The validator over generated/openapi.json, compiled on first use and then reused. */
export function validateResponse(response: ResponseUnderTest): ValidationResult {
  shared ??= createValidator();
  return shared.validateResponse(response);
}

/** The same, for an answer of the operation named: no route to match. */
export function validateOperationResponse(operationId: string, response: OperationResponse): ValidationResult {
  shared ??= createValidator();
  return shared.validateOperationResponse(operationId, response);
}
