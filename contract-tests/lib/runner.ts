// Runs one request under test: builds it (IDs from the target's state or from the spec's examples), sends it,
// validates the answer against the contract and checks the status and code the case aims at.
// Against a stateless target, a case that needs state asks for the documented example instead
// (`Prefer: code=…, example=…`) and is reported as shape-only. It makes a result (result.ts) and renders none:
// the reporters (../reporters/) do.
import { exampleParam, fillPath } from '../../contract-core/contract.ts';
import type { InfrastructureFailure } from '../../contract-core/validator.ts';
import { boundedResult } from './bounded.ts';
import { TransportError, type Answer, type Exchange } from './client.ts';
import { grade, gradeExpectation } from './grading.ts';
import { redact } from './keys.ts';
import type { CaseResult, Mode } from './result.ts';
import { MissingPrecondition, NotTheApi, Skip, type RequestParts, type Run, type Step } from './step.ts';

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
