// One fast-check property run against the target: its cases, the shrinking of a failure within a request
// budget, and one case result for the reports, with the smallest failing request and the command that
// replays it (the run's seed and the property's path). Each property has a stable ID
// (`generated/createCustomer/negative`) and a seed of its own derived from the run's seed and that ID.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Operation } from '../../contract-core/contract.ts';
import { redact } from '../lib/keys.ts';
import type { CaseResult } from '../lib/result.ts';
import { failed, type Outcome } from './exchange.ts';

export interface GenerateOptions {
  /** Generated requests per operation and kind (positive, negative). */
  cases: number;
  /** The run's seed: the same seed, spec and target state give the same requests. */
  seed: number;
  /** Requests at most for the whole generated run, shrinking included; properties past it are skipped. */
  maxRequests?: number;
  /** Time at most per property, in ms (shrinking included): past it the property stops where it is. */
  timeLimitMs?: number;
  /** Replays one failure: the property's ID and fast-check's path, as the report printed them. */
  replay?: { id: string; path: string };
  /** Only the operations this accepts (a test's focus); all by default. */
  operations?: (operation: Operation) => boolean;
  /** How the report's replay command starts (`npx payjp-v2-contract verify --target sandbox`). */
  command?: string;
}

/** Requests a failure may spend on shrinking: enough to reach a small request, bounded for staging. */
const SHRINK_REQUESTS = 25;
const DEFAULT_TIME_LIMIT_MS = 30_000;

export const propertyId = (op: Operation, kind: string): string => `generated/${op.operationId}/${kind}`;

/** The property's own seed: a 31-bit integer from the run's seed and the property's ID. */
export const propertySeed = (seed: number, id: string): number => createHash('sha256').update(`${seed}:${id}`).digest().readUInt32BE(0) >>> 1;

export interface Budget {
  /** Requests still allowed; counts down. */
  left: number;
}

export interface PropertyRun<T> {
  id: string;
  op: Operation;
  kind: string;
  expectedStatus: number;
  arbitrary: fc.Arbitrary<T>;
  /** Sends one generated value (or a chain of requests) and judges it. */
  check(value: T): Promise<Outcome>;
}

/** Runs one property: its cases, then the shrinking of a failure; one case result for the report. */
export async function runProperty<T>(property: PropertyRun<T>, options: GenerateOptions, budget: Budget): Promise<CaseResult> {
  const { id, op } = property;
  const base: CaseResult = {
    operationId: op.operationId,
    label: op.label,
    name: `${property.kind} (generated)`,
    expectedStatus: property.expectedStatus,
    mode: 'live',
    violations: [],
    warnings: [],
    infrastructure: [],
    failures: [],
  };
  if (budget.left <= 0) return { ...base, mode: 'skipped', note: 'the request budget of --generate is spent' };
  const seed = propertySeed(options.seed, id);
  const outcomes = new WeakMap<object, Outcome>();
  const statuses = new Map<string, number>();
  let failures = 0;
  let missing: string | undefined;
  const predicate = fc.asyncProperty(property.arbitrary, async (value) => {
    // Past the budget, or once a failure has had its shrinking requests, no more requests: the failure found
    // so far is the one reported.
    if (budget.left <= 0 || failures > SHRINK_REQUESTS || missing !== undefined) return true;
    budget.left -= 1;
    const outcome = await property.check(value);
    if (outcome.missingPrecondition !== undefined) {
      missing = outcome.missingPrecondition;
      return true;
    }
    if (typeof value === 'object' && value !== null) outcomes.set(value, outcome);
    const code = (outcome.body as { code?: unknown } | undefined)?.code;
    const key = outcome.status === undefined ? 'no answer' : `${outcome.status}${typeof code === 'string' ? ` ${code}` : ''}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    if (failed(outcome)) failures += 1;
    return !failed(outcome);
  });
  const replaying = options.replay?.id === id ? options.replay.path : undefined;
  const result = await fc.check(predicate, {
    seed,
    numRuns: replaying ? 1 : options.cases,
    ...(replaying ? { path: replaying, endOnFailure: true } : {}),
    interruptAfterTimeLimit: options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    markInterruptAsFailure: false,
  });
  const counts = [...statuses]
    .sort()
    .map(([status, n]) => `${n} × ${status}`)
    .join(', ');
  if (missing !== undefined) return { ...base, missingPrecondition: missing, note: `${id}: needs an object no request makes` };
  if (!result.failed)
    return { ...base, note: `${id}: ${result.numRuns} requests (${counts || 'none sent'})${result.interrupted ? ', stopped at the time limit' : ''}` };
  const counterexample = result.counterexample?.[0];
  const outcome = typeof counterexample === 'object' && counterexample !== null ? outcomes.get(counterexample) : undefined;
  const replay = `${options.command ?? 'npx payjp-v2-contract verify'} <the same target flags> --generate ${options.cases} --seed ${options.seed} --replay '${id}@${result.counterexamplePath}'`;
  return {
    ...base,
    ...(outcome?.status !== undefined ? { status: outcome.status } : {}),
    ...(outcome?.requestId ? { requestId: outcome.requestId } : {}),
    request: { method: op.method.toUpperCase(), path: op.template },
    note: `${id}: ${counts}`,
    violations: outcome?.violations ?? [],
    warnings: outcome?.warnings ?? [],
    infrastructure: outcome?.infrastructure ?? [],
    failures: redactAll([
      ...(outcome?.failures ?? []),
      `smallest failing request (after ${result.numShrinks} shrinks): ${outcome?.line ?? JSON.stringify(counterexample)}`,
      `replay: ${replay}`,
    ]),
  };
}

const redactAll = (lines: string[]): string[] => lines.map(redact);
