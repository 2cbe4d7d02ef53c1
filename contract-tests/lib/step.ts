// What a case is: a request to build, the answer it aims at, and what the run lends it to build the request
// (the target, its client, IDs on demand, test payment methods, switched sandboxes). The case modules
// (cases/), the scenarios, the recipes and the runner all speak this vocabulary; it imports none of them.
import { ERROR_CATALOG, isErrorCode } from '../../generated/error-catalog.ts';
import type { Contract, Operation } from '../../contract-core/contract.ts';
import type { Evidence } from '../../contract-core/evidence.ts';
import type { InfrastructureFailure, Validator } from '../../contract-core/validator.ts';
import type { Answer, ContractClient, Exchange } from './client.ts';
import type { Target } from './target.ts';
import type { TestTokens } from './test-tokens.ts';

export interface RequestParts {
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
  /** Another client to send with (a sandbox switched to a fault, a burst client); the run's by default. */
  via?: ContractClient;
  /** Run once the answer is in, whatever it was (undo a setting). */
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

/** The documented success status of an operation (the lowest 2xx). */
export const successStatus = (operation: Operation): number => Number([...operation.responses.keys()].filter((s) => /^2\d\d$/.test(s)).sort()[0] ?? 200);

/** Whether the operation may answer the code (its `x-errors`). */
export const answers = (operation: Operation, code: string): boolean => operation.errors.includes(code);

export const statusOfCode = (code: string): number => (isErrorCode(code) ? ERROR_CATALOG[code].status : 0);
