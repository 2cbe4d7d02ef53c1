// Runs one request under test: builds it (IDs from the target's state or from the spec's examples), sends it,
// validates the answer against the contract and checks the status and code the case aims at.
// Against a stateless target, a case that needs state asks for the documented example instead
// (`Prefer: code=…, example=…`) and is reported as shape-only.
import { ERROR_CATALOG, isErrorCode } from '../../generated/error-catalog.ts';
import type { Evidence } from '../../contract-core/evidence.ts';
import { TransportError, type Answer, type ContractClient, type Exchange } from './client.ts';
import { type Contract, exampleParam, fillPath, type Operation } from '../../contract-core/contract.ts';
import { grade, gradeExpectation } from './grading.ts';
import { passed, violationText, type CaseResult, type Mode } from './report.ts';
import { redact } from './keys.ts';
import { boundedResult } from './bounded.ts';
import type { Target } from './target.ts';
import type { TestTokens } from './test-tokens.ts';
import type { InfrastructureFailure, Validator } from '../../contract-core/validator.ts';

export interface RequestParts {
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
  /** Another client to send with (a sandbox switched to a fault, a burst client); the run's by default. */
  via?: ContractClient;
  /** Run once the answer is in, whatever it was (undo a setting, await a concurrent first request). */
  after?: () => Promise<void>;
}

export interface Step {
  operation: Operation;
  name: string;
  expectedStatus: number;
  expectedCode?: string;
  /** A stateless target cannot reach this answer: ask for the documented example and report shape-only. */
  needsState: boolean;
  /** Why the case is shape-only or skipped, for the report. */
  note?: string;
  /** Skipped on this target, with the reason. */
  skip?: string;
  request(run: Run): Promise<RequestParts> | RequestParts;
  /** Checks beyond the contract on a conforming answer (the field named in `errors[]`...). */
  check?(body: unknown, exchange: Exchange): string[];
  /**
   * The rule the expected answer rests on and its evidence (an unknown body field answers 422: our inference
   * that request bodies are closed). Without it the expectation is a fact (a published or client rule).
   */
  expects?: { rule: string; evidence: Evidence };
}

export interface Run {
  contract: Contract;
  target: Target;
  client: ContractClient;
  /** Breaches of inferred rules are warnings, not violations (a remote server without CONTRACT_STRICT=1). */
  lenient: boolean;
  /** The response validator with the run's selection of named checks (CONTRACT_CHECKS, CONTRACT_EXCLUDE_CHECKS). */
  validator: Validator;
  /** An ID of an existing object for a path parameter (`customer_id`), made on demand. */
  idFor(parameter: string): Promise<string>;
  /** Another object than `than` for a path parameter (lists it, or makes one). */
  anotherId(parameter: string, than: string): Promise<string>;
  /** The test payment methods the recipes use (test-tokens.ts). */
  tokens: TestTokens;
  /**
   * A client of a second server of the same kind switched to a fault (rate limit, 5xx, latency): only when
   * the suite started the sandbox itself. Undefined against a server it cannot switch.
   */
  variant: ((name: VariantName) => Promise<ContractClient>) | undefined;
}

/** The fault switches a local sandbox variant is started with (see suite.ts). */
export type VariantName = 'rate-limited' | 'failing' | 'idempotency-outage' | 'slow';

/** Thrown while preparing a request to skip the case, with the reason. */
export class Skip extends Error {
  override name = 'Skip';
}

/**
 * Thrown while preparing a request that needs what no request can make on the target (an ID of an object
 * only PAY.JP creates): the message names the variable that supplies it. Reported apart from violations.
 */
export class MissingPrecondition extends Error {
  override name = 'MissingPrecondition';
}

/**
 * Thrown while preparing a request when an answer the preparation needed was not the API's (an edge's HTML
 * page, a gateway's 502/503/504): an infrastructure failure, as the same answer to the request under test is.
 */
export class NotTheApi extends Error {
  override name = 'NotTheApi';
  readonly failure: InfrastructureFailure;
  constructor(message: string, failure: Omit<InfrastructureFailure, 'message'>) {
    super(message);
    this.failure = { ...failure, message };
  }
}

/**
 * The body of an answer a case's set-up needed, as JSON. An answer that is not the API's (a gateway's
 * 502/503/504, a body that is not JSON: an edge's page) is NotTheApi, an infrastructure failure of the case.
 */
export function setupBody(what: string, response: Pick<Answer, 'status' | 'contentType' | 'text'>): Record<string, unknown> {
  if ([502, 503, 504].includes(response.status))
    throw new NotTheApi(`${what} answered ${response.status} (a gateway)`, { kind: 'gateway-status', status: response.status });
  try {
    return (JSON.parse(response.text || '{}') ?? {}) as Record<string, unknown>;
  } catch {
    throw new NotTheApi(`${what} answered ${response.status} with a body that is not JSON (${response.contentType ?? 'no media type'})`, {
      kind: 'non-json-body',
      status: response.status,
      ...(response.contentType ? { contentType: response.contentType } : {}),
      excerpt: response.text.slice(0, 120),
    });
  }
}

export interface StepOutcome {
  result: CaseResult;
  body: unknown;
}

const parse = (text: string): unknown => {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
};

export async function runStep(run: Run, step: Step): Promise<StepOutcome> {
  const { operation } = step;
  const base: CaseResult = {
    operationId: operation.operationId,
    label: operation.label,
    name: step.name,
    expectedStatus: step.expectedStatus,
    ...(step.expectedCode ? { expectedCode: step.expectedCode } : {}),
    mode: 'skipped',
    violations: [],
    warnings: [],
    infrastructure: [],
    failures: [],
  };
  if (step.skip) return { result: { ...base, note: step.skip }, body: undefined };
  const mode: Mode = step.needsState && !run.target.stateful ? 'shape-only' : 'live';
  // Whatever happens, the case ends with a result, so that it appears in every report; what the server sent
  // in it is bounded and printable (bounded.ts).
  try {
    const outcome = await attempt(run, step, { ...base, mode });
    return { ...outcome, result: boundedResult(outcome.result) };
  } catch (error) {
    return { result: boundedResult({ ...base, mode, infrastructure: [noAnswer(error)] }), body: undefined };
  }
}

/** Why a request could not be prepared: a missing ID, no answer to a request that makes one, or a failure. */
function unprepared(error: unknown): Pick<CaseResult, 'missingPrecondition' | 'infrastructure' | 'failures'> {
  const why = `could not prepare the request: ${(error as Error).message}`;
  if (error instanceof MissingPrecondition) return { missingPrecondition: redact(error.message), infrastructure: [], failures: [] };
  if (error instanceof TransportError) return { infrastructure: [{ kind: error.kind, message: redact(why) }], failures: [] };
  if (error instanceof NotTheApi) return { infrastructure: [{ ...error.failure, message: redact(why) }], failures: [] };
  return { infrastructure: [], failures: [redact(why)] };
}

/** A request that got no answer (refused, timed out, cut), or a case that threw: not the contract's failure. */
function noAnswer(error: unknown): InfrastructureFailure {
  if (error instanceof TransportError) return { kind: error.kind, message: redact(error.message) };
  return { kind: 'case-error', message: redact(`the case threw: ${error instanceof Error ? error.message : String(error)}`) };
}

async function attempt(run: Run, step: Step, base: CaseResult): Promise<StepOutcome> {
  const { operation } = step;
  const shapeOnly = base.mode === 'shape-only';
  let parts: RequestParts;
  let request: { method: string; path: string };
  try {
    parts = await step.request(run);
    const pathParams = {
      ...Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, exampleParam(operation, p.name)])),
      ...parts.params,
    };
    request = { method: operation.method.toUpperCase(), path: fillPath(operation, pathParams) };
  } catch (error) {
    if (error instanceof Skip) return { result: { ...base, mode: 'skipped', note: error.message }, body: undefined };
    return { result: { ...base, ...unprepared(error) }, body: undefined };
  }
  const headers = { ...parts.headers };
  if (shapeOnly) headers['prefer'] = `code=${step.expectedStatus}${step.expectedCode ? `, example=${step.expectedCode}` : ''}`;
  let exchange: Exchange;
  try {
    exchange = await (parts.via ?? run.client).send({
      method: operation.method,
      path: request.path,
      ...(parts.query ? { query: parts.query } : {}),
      headers,
      ...(parts.body !== undefined ? { body: parts.body } : {}),
      retry: step.expectedStatus !== 429 && step.expectedStatus !== 503,
    });
  } catch (error) {
    return { result: { ...base, request, infrastructure: [noAnswer(error)] }, body: undefined };
  } finally {
    await parts.after?.();
  }
  const { response } = exchange;
  const check = (answer: Answer) =>
    run.validator.validateOperationResponse(operation.operationId, {
      status: answer.status,
      contentType: answer.contentType,
      headers: answer.headers,
      body: answer.text,
    });
  const verdict = check(response);
  // An answer that is not the API's (an HTML page, a gateway: verdict.infrastructure) says nothing of the case.
  const theApis = verdict.infrastructure.length === 0;
  // A 429/503 the client retried was an answer of the API too: it must conform (Retry-After above all).
  for (const earlier of exchange.retried) {
    const { violations, infrastructure } = check(earlier);
    verdict.violations.push(...violations.map((v) => ({ ...v, message: `${v.message} (in the retried ${earlier.status} answer)` })));
    verdict.infrastructure.push(...infrastructure);
  }
  const body = parse(response.text);
  const missed: string[] = [];
  const code = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['code'] : undefined;
  const aimed = `${step.expectedStatus}${step.expectedCode ? ` ${step.expectedCode}` : ''}`;
  if (theApis && response.status !== step.expectedStatus) {
    missed.push(`expected ${aimed}, got ${response.status}${typeof code === 'string' ? ` ${code}` : ''}`);
  } else if (theApis && step.expectedCode && code !== step.expectedCode) {
    missed.push(`expected code ${step.expectedCode}, got ${JSON.stringify(code)}`);
  }
  const graded = grade(verdict.violations, run.lenient);
  if (missed.length === 0 && graded.violations.length === 0 && verdict.infrastructure.length === 0 && step.check) missed.push(...step.check(body, exchange));
  const expectation = gradeExpectation(missed, step.expects?.evidence, step.expects?.rule ?? `${aimed} for ${operation.operationId}`, run.lenient);
  const result: CaseResult = {
    ...base,
    ...(shapeOnly ? { note: step.note ?? 'needs server state: the documented example was requested' } : step.note ? { note: step.note } : {}),
    request: { method: request.method, path: exchange.request.path },
    status: response.status,
    ...(response.requestId ? { requestId: response.requestId } : {}),
    violations: graded.violations,
    warnings: [...graded.warnings, ...expectation.warnings],
    infrastructure: verdict.infrastructure,
    failures: expectation.failures,
  };
  return { result, body };
}

/** The documented success status of an operation (the lowest 2xx). */
export const successStatus = (operation: Operation): number => Number([...operation.responses.keys()].filter((s) => /^2\d\d$/.test(s)).sort()[0] ?? 200);

/** Whether the operation may answer the code (its `x-errors`). */
export const answers = (operation: Operation, code: string): boolean => operation.errors.includes(code);

export const statusOfCode = (code: string): number => (isErrorCode(code) ? ERROR_CATALOG[code].status : 0);

/** A human line for the console: `✓ live createCustomer: 401 bad key`. */
export function describe(result: CaseResult): string {
  const mark = result.mode === 'skipped' ? '-' : passed(result) ? '✓' : '✗';
  const detail = [
    ...(result.missingPrecondition ? [`MISSING PRECONDITION: ${result.missingPrecondition}`] : []),
    ...result.failures,
    ...result.violations.map(violationText),
    ...result.infrastructure.map((f) => `INFRASTRUCTURE ${f.kind}: ${f.message}`),
    ...result.warnings.map((w) => `WARNING ${w.pointer ? `${w.pointer}: ` : ''}${w.message} (inferred rule: ${w.rule})`),
  ];
  return redact(
    `${mark} ${result.mode.padEnd(10)} ${result.operationId}: ${result.name}${result.requestId ? ` [${result.requestId}]` : ''}${detail.length ? `\n    ${detail.join('\n    ')}` : ''}${result.mode === 'skipped' ? ` (${result.note ?? ''})` : ''}`,
  );
}
