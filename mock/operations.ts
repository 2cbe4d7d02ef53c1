// The bundle's operations as the front needs them: which operation a request hits and which codes it may
// answer. Read with contract-core's reader, so that the mock and the contract tests route alike.
import { type Contract, type Operation, matchOperation, readContract } from '../contract-core/contract.ts';
import type { JsonObject } from '../contract-core/contract.ts';
import { type ErrorCode, isErrorCode } from '../generated/error-catalog.ts';
import { exampleName, HTTP_METHODS } from '../contract-core/conventions.ts';

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
  const find = (method: string, path: string): Operation | undefined => matchOperation(operations, method, path)?.operation;
  const examples = (document['components'] as { examples?: Record<string, { value?: { detail?: unknown } }> } | undefined)?.examples ?? {};
  const detailOf = (code: ErrorCode): string | null => {
    const detail = examples[exampleName(code)]?.value?.detail;
    return typeof detail === 'string' ? detail : null;
  };
  const allow = [...new Set([...operations.map((op) => op.method.toUpperCase()), 'OPTIONS'])].sort().join(', ');
  return { find, methodsOf: (path) => HTTP_METHODS.filter((method) => find(method, path)), detailOf, allow };
}
