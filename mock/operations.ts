// The bundle's operations as the front needs them: which operation a request hits and which codes it may
// answer. Read with the contract tests' reader, so that the mock and the tests route alike.
import { type Contract, METHODS, type Operation, matchOperation, readContract } from '../contract-tests/lib/contract.ts';
import type { JsonObject } from '../contract-tests/lib/contract.ts';
import { type ErrorCode, isErrorCode } from '../generated/error-catalog.ts';
import { exampleName } from '../scripts/lib/expand-errors.ts';

export type { Operation };

export type Routes = {
  /** The operation a request calls, if any. */
  find(method: string, path: string): Operation | undefined;
  /** The methods a path has (for a request with another method). */
  methodsOf(path: string): string[];
  /** The `detail` of the code's documented example, so that the mock words a problem as the catalog does. */
  detailOf(code: ErrorCode): string | null;
  /** The `Allow` answer to `OPTIONS *`: the methods of the operations, and OPTIONS. */
  allow: string;
};

export function indexRoutes(document: JsonObject): Routes {
  const { operations }: Contract = readContract(document);
  for (const { label, errors } of operations) {
    const unknown = errors.filter((code) => !isErrorCode(code));
    if (errors.length === 0) throw new Error(`bundle: ${label} has no x-errors`);
    if (unknown.length > 0) throw new Error(`bundle: ${label} lists codes not in the catalog: ${unknown.join(', ')}`);
  }
  const find = (method: string, path: string): Operation | undefined => {
    try {
      return matchOperation(operations, method, path)?.operation;
    } catch {
      return undefined; // a path segment that is not valid percent-encoding: no operation; Prism answers 404
    }
  };
  const examples = (document['components'] as { examples?: Record<string, { value?: { detail?: unknown } }> } | undefined)?.examples ?? {};
  const detailOf = (code: ErrorCode): string | null => {
    const detail = examples[exampleName(code)]?.value?.detail;
    return typeof detail === 'string' ? detail : null;
  };
  const allow = [...new Set([...operations.map((op) => op.method.toUpperCase()), 'OPTIONS'])].sort().join(', ');
  return { find, methodsOf: (path) => METHODS.filter((method) => find(method, path)), detailOf, allow };
}
