// The mutation corpus: every operation of the bundle × every fault (response-faults.ts, behaviour-faults.ts)
// that applies to it, each mutant with a stable ID `<operationId>/<fault>`. A mutant is switched on by
// `activate` (fresh state each time: a fault that remembers keys or deleted objects starts empty), so each
// run of it is reproducible and isolated from the others.
import { createHash } from 'node:crypto';
import type { Contract, Operation } from '../../contract-core/contract.ts';
import { BEHAVIOUR_FAULTS, type BehaviourFault } from './behaviour-faults.ts';
import type { Wrapper } from './faulty-sandbox.ts';
import type { Drift } from './proxy.ts';
import { RESPONSE_FAULTS, type ResponseFault } from './response-faults.ts';

export interface Mutant {
  id: string;
  family: string;
  kind: 'response' | 'behaviour';
  /** Where the fault is injected. */
  how: 'mutating proxy' | 'faulty sandbox' | 'request-rewriting proxy';
  operation: Operation;
  /** Every operation whose answers the fault touches (the operation, and a deleted object's GET). */
  touches: string[];
  what: string;
  /** Why it cannot be told from the correct server (an equivalent mutant: excluded from the rates, listed). */
  equivalent?: string;
  activate(): { drifts: Map<string, Drift>; wrappers: Map<string, Wrapper> };
}

export interface NotApplicable {
  operationId: string;
  fault: string;
  why: string;
}

export function buildCorpus(contract: Contract): { mutants: Mutant[]; notApplicable: NotApplicable[] } {
  const mutants: Mutant[] = [];
  const notApplicable: NotApplicable[] = [];
  for (const op of contract.operations) {
    for (const fault of RESPONSE_FAULTS) {
      const plan = fault.plan(contract, op);
      if (typeof plan === 'string') notApplicable.push({ operationId: op.operationId, fault: fault.fault, why: plan });
      else mutants.push(responseMutant(contract, op, fault, plan.what));
    }
    for (const fault of BEHAVIOUR_FAULTS) {
      const plan = fault.plan(contract, op);
      if (typeof plan === 'string') notApplicable.push({ operationId: op.operationId, fault: fault.fault, why: plan });
      else
        mutants.push(
          behaviourMutant(contract, op, fault, plan.what, plan.equivalent, [
            op.operationId,
            ...[...(plan.wrappers?.keys() ?? [])].filter((id) => id !== op.operationId),
          ]),
        );
    }
  }
  return { mutants, notApplicable };
}

function responseMutant(contract: Contract, op: Operation, fault: ResponseFault, what: string): Mutant {
  return {
    id: `${op.operationId}/${fault.fault}`,
    family: fault.family,
    kind: 'response',
    how: 'mutating proxy',
    operation: op,
    touches: [op.operationId],
    what,
    activate: () => {
      const plan = fault.plan(contract, op);
      if (typeof plan === 'string') throw new Error(`${op.operationId}/${fault.fault}: ${plan}`);
      const { what: _what, ...drift } = plan;
      return { drifts: new Map([[op.operationId, drift]]), wrappers: new Map() };
    },
  };
}

function behaviourMutant(contract: Contract, op: Operation, fault: BehaviourFault, what: string, equivalent: string | undefined, touches: string[]): Mutant {
  return {
    ...(equivalent ? { equivalent } : {}),
    id: `${op.operationId}/${fault.fault}`,
    family: fault.family,
    kind: 'behaviour',
    how: fault.how,
    operation: op,
    touches,
    what,
    activate: () => {
      const plan = fault.plan(contract, op);
      if (typeof plan === 'string') throw new Error(`${op.operationId}/${fault.fault}: ${plan}`);
      return {
        drifts: plan.rewrite ? new Map([[op.operationId, { rewrite: plan.rewrite }]]) : new Map(),
        wrappers: plan.wrappers ?? new Map(),
      };
    },
  };
}

/** Mutants packed in batches where no two touch the same operation (for engines too slow to run one at a time). */
export function batches(mutants: readonly Mutant[]): Mutant[][] {
  const out: { mutants: Mutant[]; touched: Set<string> }[] = [];
  for (const mutant of mutants) {
    let batch = out.find((b) => mutant.touches.every((id) => !b.touched.has(id)));
    if (!batch) out.push((batch = { mutants: [], touched: new Set() }));
    batch.mutants.push(mutant);
    mutant.touches.forEach((id) => batch.touched.add(id));
  }
  return out.map((b) => b.mutants);
}

/** The drifts and wrappers of several mutants at once (they touch different operations). */
export function activateAll(mutants: readonly Mutant[]): { drifts: Map<string, Drift>; wrappers: Map<string, Wrapper> } {
  const drifts = new Map<string, Drift>();
  const wrappers = new Map<string, Wrapper>();
  for (const mutant of mutants) {
    const active = mutant.activate();
    active.drifts.forEach((d, id) => drifts.set(id, d));
    active.wrappers.forEach((w, id) => wrappers.set(id, w));
  }
  return { drifts, wrappers };
}

/**
 * A sample of the corpus for the slow engines: at most `perOperation` mutants of each operation, taken
 * family by family in turn (each family in a fixed order of its IDs' hashes), so every family is in it.
 */
export function stratifiedSample(mutants: readonly Mutant[], perOperation: number): Mutant[] {
  const hash = (id: string): string => createHash('sha256').update(id).digest('hex');
  const byFamily = new Map<string, Mutant[]>();
  for (const m of [...mutants].sort((a, b) => hash(a.id).localeCompare(hash(b.id)))) byFamily.set(m.family, [...(byFamily.get(m.family) ?? []), m]);
  const taken = new Map<string, number>();
  const out: Mutant[] = [];
  for (let progress = true; progress; ) {
    progress = false;
    for (const queue of byFamily.values()) {
      const at = queue.findIndex((m) => m.touches.every((id) => (taken.get(id) ?? 0) < perOperation));
      if (at < 0) continue;
      const [m] = queue.splice(at, 1);
      m!.touches.forEach((id) => taken.set(id, (taken.get(id) ?? 0) + 1));
      out.push(m!);
      progress = true;
    }
  }
  return out;
}
