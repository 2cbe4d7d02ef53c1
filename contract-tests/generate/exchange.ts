// One generated request sent and judged: the answer checked by the contract's named checks (the validator
// of the run), then by what the request deserves (positive: 2xx or a code its state explains; negative: the
// catalog's code for the break, naming the field).
import { ERROR_CATALOG, isErrorCode } from '../../generated/error-catalog.ts';
import { fillPath, type Json, type Operation } from '../../contract-core/contract.ts';
import type { InfrastructureFailure, Violation } from '../../contract-core/validator.ts';
import { TransportError } from '../lib/client.ts';
import { grade } from '../lib/grading.ts';
import { redact } from '../lib/keys.ts';
import type { CaseResult } from '../lib/result.ts';
import { MissingPrecondition } from '../lib/step.ts';
import type { SuiteRun } from '../lib/suite.ts';
import { describeRequest, type Expected, type GeneratedRequest, resolvePlaceholders } from './requests.ts';

export type { Expected };

/**
 * Codes that say the request itself is wrong, or the server failed: a valid request must never get them. Any
 * other code the operation documents is one its state may explain (an ID of no object: `not_found`; a flow
 * in another status: `invalid_status`; a declining test card: `card_declined`).
 */
const REQUEST_CODES = new Set(['validation_error', 'invalid_request', 'card_number_not_allowed', 'invalid_idempotency_key', 'idempotency_conflict']);
const explainedByState = (op: Operation, code: unknown): boolean =>
  typeof code === 'string' &&
  op.errors.includes(code) &&
  !REQUEST_CODES.has(code) &&
  isErrorCode(code) &&
  ERROR_CATALOG[code].status < 429 &&
  ![401, 403].includes(ERROR_CATALOG[code].status);

export interface Outcome {
  line: string;
  status?: number;
  requestId?: string;
  body?: unknown;
  failures: string[];
  violations: Violation[];
  warnings: CaseResult['warnings'];
  infrastructure: InfrastructureFailure[];
  missingPrecondition?: string;
}

export const parse = (text: string): unknown => {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
};

const errorsOf = (body: unknown): { field?: unknown; message?: unknown }[] => {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? errors : [];
};

/** Sends a generated request (placeholders resolved on the target) and checks the answer by the named checks. */
export async function send(run: SuiteRun, op: Operation, request: GeneratedRequest): Promise<Outcome> {
  const line = describeRequest(op, request);
  const base: Outcome = { line, failures: [], violations: [], warnings: [], infrastructure: [] };
  let params: Record<string, string>;
  let query: [string, string][];
  let body: Json | undefined;
  try {
    params = await resolvePlaceholders(request.params, run.idFor);
    query = await resolvePlaceholders(request.query, run.idFor);
    body = await resolvePlaceholders(request.body, run.idFor);
  } catch (error) {
    if (error instanceof MissingPrecondition) return { ...base, missingPrecondition: redact(error.message) };
    return { ...base, failures: [redact(`could not prepare the request: ${(error as Error).message}`)] };
  }
  const search = new URLSearchParams(query).toString();
  try {
    const { response } = await run.client.send({
      method: op.method,
      path: `${fillPath(op, params)}${search ? `?${search}` : ''}`,
      // A body of JSON `null` is sent as the text `null`: `undefined` alone means no body.
      ...(request.body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const verdict = run.validator.validateOperationResponse(op.operationId, {
      status: response.status,
      contentType: response.contentType,
      headers: response.headers,
      body: response.text,
    });
    const graded = grade(verdict.violations, run.lenient);
    return {
      ...base,
      status: response.status,
      ...(response.requestId ? { requestId: response.requestId } : {}),
      body: parse(response.text),
      violations: graded.violations,
      warnings: graded.warnings,
      infrastructure: verdict.infrastructure,
    };
  } catch (error) {
    if (error instanceof TransportError) return { ...base, infrastructure: [{ kind: error.kind, message: error.message }] };
    throw error;
  }
}

const answerText = (outcome: Outcome): string => {
  const code = (outcome.body as { code?: unknown } | undefined)?.code;
  const errors = errorsOf(outcome.body).map((e) => `${String(e.field)}: ${String(e.message)}`);
  return `${outcome.status}${typeof code === 'string' ? ` ${code}` : ''}${errors.length > 0 ? ` (errors: ${errors.join('; ')})` : ''}`;
};

/**
 * A positive request's answer: 2xx, or a documented code its state explains (a `422 validation_error` too when
 * every field it names carries `x-state-rule`: `stateRules`); never another refusal of the request, never 5xx.
 */
export function judgePositive(op: Operation, outcome: Outcome, stateRules: ReadonlySet<string>): string[] {
  if (outcome.status === undefined) return [];
  if (outcome.status >= 200 && outcome.status < 300) return [];
  const code = (outcome.body as { code?: unknown } | undefined)?.code;
  if (outcome.status < 500 && explainedByState(op, code)) return [];
  const fields = errorsOf(outcome.body).map((e) => e.field);
  if (code === 'validation_error' && fields.length > 0 && fields.every((field) => typeof field === 'string' && stateRules.has(field))) return [];
  return [`a request the spec allows answered ${answerText(outcome)}`];
}

/** A negative request's answer: the catalog's code for that kind of break, naming the broken field. */
export function judgeNegative(expected: Expected, outcome: Outcome): string[] {
  if (outcome.status === undefined) return [];
  const code = (outcome.body as { code?: unknown } | undefined)?.code;
  const aimed = `${expected.status} ${expected.code}`;
  if (outcome.status !== expected.status || code !== expected.code) return [`${expected.what}: expected ${aimed}, got ${answerText(outcome)}`];
  const named = [...(expected.field !== undefined ? [expected.field] : []), ...(expected.or ?? [])];
  if (named.length > 0 && !errorsOf(outcome.body).some((e) => named.includes(String(e.field)))) {
    return [`${expected.what}: errors[] does not name ${named.join(' or ')} (${answerText(outcome)})`];
  }
  return [];
}

export const failed = (outcome: Outcome): boolean =>
  outcome.failures.length > 0 || outcome.violations.length > 0 || outcome.infrastructure.length > 0 || outcome.missingPrecondition !== undefined;
