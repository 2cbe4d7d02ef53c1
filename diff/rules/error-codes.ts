// Per operation and error status, the codes it may answer (the bundle's effective code sets): a code added
// breaks an exhaustive `switch` over the codes in a regenerated typed client; a code removed leaves a client's
// handler dead and makes a server that still sends it fail the contract; a code moved to another status is missed
// by a client that branches on the status first. Changes that follow from a catalog change (a code created,
// deleted, or given another status) are reported once by the catalog rule, not per operation. The head's sets
// are also cross-checked with the catalog and the operation's `x-errors`.
import type { Anchor, Change } from '../lib/finding.ts';
import { codePointer, effectiveCodes, errorCodes, type OperationCodes } from '../lib/error-codes.ts';
import type { CatalogEntry, Version } from '../lib/version.ts';
import type { Rule } from './rule.ts';

const anchorOf = (ops: OperationCodes): Pick<Change, 'anchor'> =>
  ops.tag && ops.operationId ? { anchor: { operation: { tag: ops.tag, operationId: ops.operationId } } satisfies Anchor } : {};

/** Status → codes of an operation, with unconstrained statuses read as the catalog's codes of that status. */
const statusesOf = (ops: OperationCodes, catalog: readonly CatalogEntry[]): Map<string, number[]> => {
  const byCode = new Map<string, number[]>();
  for (const status of [...ops.byStatus.keys()].sort()) {
    for (const code of effectiveCodes(ops, status, catalog)) byCode.set(code, [...(byCode.get(code) ?? []), status]);
  }
  return byCode;
};

function compareOperation(before: OperationCodes, after: OperationCodes, base: Version, head: Version): Change[] {
  const baseStatus = new Map(base.catalog.map((entry) => [entry.code, entry.status]));
  const headStatus = new Map(head.catalog.map((entry) => [entry.code, entry.status]));
  const was = statusesOf(before, base.catalog);
  const is = statusesOf(after, head.catalog);
  const change = (check: string, ops: OperationCodes, status: number, code: string, message: string): Change => ({
    check,
    operation: ops.name,
    pointer: codePointer(ops, status, code),
    document: 'bundle',
    message,
    ...anchorOf(ops),
  });
  const changes: Change[] = [];
  for (const code of new Set([...was.keys(), ...is.keys()])) {
    // Created, deleted or re-statused in the catalog: the catalog rule reports it once for every operation.
    if (!baseStatus.has(code) || !headStatus.has(code) || baseStatus.get(code) !== headStatus.get(code)) continue;
    const removed = (was.get(code) ?? []).filter((status) => !is.get(code)?.includes(status));
    const added = (is.get(code) ?? []).filter((status) => !was.get(code)?.includes(status));
    if (removed.length > 0 && added.length > 0) {
      changes.push(
        change(
          'error-code-moved',
          after,
          added[0]!,
          code,
          `${code} moved from ${removed.join(', ')} to ${added.join(', ')}: a client that branches on the status first no longer finds it`,
        ),
      );
      continue;
    }
    for (const status of removed) {
      changes.push(
        change(
          'error-code-removed',
          before,
          status,
          code,
          `${status} ${code} removed: the operation no longer answers it; a client's handler for it is dead code and a server still sending it fails the contract`,
        ),
      );
    }
    for (const status of added) {
      changes.push(
        change(
          'error-code-added',
          after,
          status,
          code,
          `${status} ${code} added: a code the operation may now answer; an exhaustive switch over its codes in a regenerated typed client no longer compiles`,
        ),
      );
    }
  }
  return changes;
}

/** Where the head's code sets disagree with its catalog or with the operation's complete `x-errors`. */
function inconsistencies(head: Version): Change[] {
  const statusOf = new Map(head.catalog.map((entry) => [entry.code, entry.status]));
  return [...errorCodes(head.document).values()].flatMap((ops) => {
    const problems: [number, string][] = [];
    for (const status of ops.byStatus.keys()) {
      const codes = effectiveCodes(ops, status, head.catalog);
      for (const code of codes) {
        const catalogStatus = statusOf.get(code);
        if (catalogStatus === undefined) problems.push([status, `answers ${code}, which the catalog does not define`]);
        else if (catalogStatus !== status) problems.push([status, `answers ${code} with ${status}, the catalog gives it ${catalogStatus}`]);
      }
      const listed = ops.listed?.filter((code) => statusOf.get(code) === status);
      const missing = listed?.filter((code) => !codes.has(code)) ?? [];
      if (missing.length > 0)
        problems.push([status, `x-errors lists ${missing.join(', ')}, the ${status} response does not allow ${missing.length > 1 ? 'them' : 'it'}`]);
    }
    const unanswered = ops.listed?.filter((code) => statusOf.has(code) && !ops.byStatus.has(statusOf.get(code)!)) ?? [];
    for (const code of unanswered) problems.push([statusOf.get(code)!, `x-errors lists ${code}, the operation has no ${statusOf.get(code)} response`]);
    return problems.map(([status, text]) => ({
      check: 'error-codes-inconsistent',
      operation: ops.name,
      pointer: codePointer(ops, status),
      document: 'bundle' as const,
      message: `${text}: generated types, the validator and the docs disagree`,
      ...anchorOf(ops),
    }));
  });
}

export const errorCodesRule: Rule = {
  checks: ['error-code-added', 'error-code-removed', 'error-code-moved', 'error-codes-inconsistent'],
  run(base, head) {
    const before = errorCodes(base.document);
    const after = errorCodes(head.document);
    const compared = [...after.values()].flatMap((ops) => {
      const old = before.get(ops.key);
      return old ? compareOperation(old, ops, base, head) : [];
    });
    return [...compared, ...inconsistencies(head)];
  },
};
