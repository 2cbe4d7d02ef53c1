// Runs one request under test: builds it (IDs from the target's state or from the spec's examples), sends it,
// validates the answer against the contract and checks the status and code the case aims at.
// Against a stateless target, a case that needs state asks for the documented example instead
// (`Prefer: code=…, example=…`) and is reported as shape-only.
import { ERROR_CATALOG, isErrorCode } from '../../generated/error-catalog.ts';
import type { Evidence } from '../../scripts/lib/catalog.ts';
import type { Answer, ContractClient, Exchange } from './client.ts';
import type { Contract, Operation } from './contract.ts';
import { grade, gradeExpectation } from './grading.ts';
import type { CaseResult, Mode } from './report.ts';
import { redact } from './secrets.ts';
import type { Target } from './target.ts';
import type { TestTokens } from './test-tokens.ts';
import { validateResponse } from './validator.ts';

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

export interface StepOutcome {
  result: CaseResult;
  body: unknown;
}

/** The spec's example value of a path parameter, for stateless targets. */
export function exampleParam(operation: Operation, name: string): string {
  const example = operation.parameters.find((p) => p.in === 'path' && p.name === name)?.example;
  return typeof example === 'string' ? example : `${name.replace(/_id$/, '')}_example`;
}

export function fillPath(operation: Operation, params: Record<string, string>): string {
  return operation.template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${operation.label}: no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** The path with every path parameter set to its example in the bundle; throws naming one without. */
export function examplePath(operation: Operation): string {
  const params: Record<string, string> = {};
  for (const p of operation.parameters.filter((p) => p.in === 'path')) {
    if (p.example === undefined) throw new Error(`${operation.label}: path parameter ${p.name} has no example`);
    params[p.name] = String(p.example);
  }
  return fillPath(operation, params);
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
  const shapeOnly = step.needsState && !run.target.stateful;
  const mode: Mode = shapeOnly ? 'shape-only' : 'live';
  let parts: RequestParts;
  try {
    parts = await step.request(run);
  } catch (error) {
    if (error instanceof Skip) return { result: { ...base, note: error.message }, body: undefined };
    const failure = redact(`could not prepare the request: ${(error as Error).message}`);
    return { result: { ...base, mode: shapeOnly ? 'shape-only' : 'live', failures: [failure] }, body: undefined };
  }
  const pathParams = { ...Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, exampleParam(operation, p.name)])), ...parts.params };
  const headers = { ...parts.headers };
  if (shapeOnly) headers['prefer'] = `code=${step.expectedStatus}${step.expectedCode ? `, example=${step.expectedCode}` : ''}`;
  let exchange: Exchange;
  try {
    exchange = await (parts.via ?? run.client).send({
      method: operation.method,
      path: fillPath(operation, pathParams),
      ...(parts.query ? { query: parts.query } : {}),
      headers,
      ...(parts.body !== undefined ? { body: parts.body } : {}),
      retry: step.expectedStatus !== 429 && step.expectedStatus !== 503,
    });
  } finally {
    await parts.after?.();
  }
  const { response } = exchange;
  const check = (answer: Answer) =>
    validateResponse({ method: operation.method, path: exchange.request.path, status: answer.status, contentType: answer.contentType, headers: answer.headers, body: answer.text });
  const verdict = check(response);
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
  if (response.status !== step.expectedStatus) {
    missed.push(`expected ${aimed}, got ${response.status}${typeof code === 'string' ? ` ${code}` : ''}`);
  } else if (step.expectedCode && code !== step.expectedCode) {
    missed.push(`expected code ${step.expectedCode}, got ${JSON.stringify(code)}`);
  }
  const graded = grade(verdict.violations, run.lenient);
  if (missed.length === 0 && graded.violations.length === 0 && verdict.infrastructure.length === 0 && step.check) missed.push(...step.check(body, exchange));
  const expectation = gradeExpectation(missed, step.expects?.evidence, step.expects?.rule ?? `${aimed} for ${operation.operationId}`, run.lenient);
  const result: CaseResult = {
    ...base,
    mode,
    ...(shapeOnly ? { note: step.note ?? 'needs server state: the documented example was requested' } : step.note ? { note: step.note } : {}),
    request: { method: operation.method.toUpperCase(), path: exchange.request.path },
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
export const successStatus = (operation: Operation): number =>
  Number([...operation.responses.keys()].filter((s) => /^2\d\d$/.test(s)).sort()[0] ?? 200);

/** Whether the operation may answer the code (its `x-errors`). */
export const answers = (operation: Operation, code: string): boolean => operation.errors.includes(code);

export const statusOfCode = (code: string): number => (isErrorCode(code) ? ERROR_CATALOG[code].status : 0);

/** A human line for the console: `✓ live createCustomer: 401 bad key`. */
export function describe(result: CaseResult): string {
  const mark = result.mode === 'skipped' ? '-' : result.failures.length + result.violations.length + result.infrastructure.length === 0 ? '✓' : '✗';
  const detail = [
    ...result.failures,
    ...result.violations.map((v) => `${v.pointer}: ${v.message}`),
    ...result.infrastructure.map((f) => `INFRASTRUCTURE ${f.kind}: ${f.message}`),
    ...result.warnings.map((w) => `WARNING ${w.pointer ? `${w.pointer}: ` : ''}${w.message} (inferred rule: ${w.rule})`),
  ];
  return redact(`${mark} ${result.mode.padEnd(10)} ${result.operationId}: ${result.name}${result.requestId ? ` [${result.requestId}]` : ''}${detail.length ? `\n    ${detail.join('\n    ')}` : ''}${result.mode === 'skipped' ? ` (${result.note ?? ''})` : ''}`);
}
