// The problems an operation can answer, as types derived from the catalog module and the generated schemas
// (one member per code, so that `code` or `status` narrows), and guards that check a value at run time.
import type { components } from '../generated/api.d.ts';
import { ERROR_CATALOG, OPERATION_ERRORS, isErrorCode, type ErrorCode, type OperationId } from '../generated/error-catalog.ts';

type Catalog = typeof ERROR_CATALOG;
type Schemas = components['schemas'];

/** The problem answered with `code` C: the schema of its status (`Problem402`…), with its code, status and type fixed. */
export type ProblemWith<C extends ErrorCode> = C extends ErrorCode
  ? Omit<Schemas[`Problem${Catalog[C]['status']}` & keyof Schemas], 'code' | 'status' | 'type'> & {
      code: C;
      status: Catalog[C]['status'];
      type: Catalog[C]['type'];
    }
  : never;

/** Any problem of the catalog. */
export type Problem = ProblemWith<ErrorCode>;

/** The codes operation O may answer. */
export type CodeOf<O extends OperationId> = (typeof OPERATION_ERRORS)[O][number];

/** Every problem operation O may answer, one member per code. */
export type ProblemOf<O extends OperationId> = ProblemWith<CodeOf<O>>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Whether `value` is a problem of the catalog: a known `code` with that code's `status`. */
export function isProblem(value: unknown): value is Problem {
  return isObject(value) && isErrorCode(value['code']) && value['status'] === ERROR_CATALOG[value['code']].status;
}

/**
 * Whether `value` (an `error` from the client, something caught) is a problem operation `operationId` may
 * answer: a code of that operation, with its status. Narrows to ProblemOf<O>, whose `code` then narrows further.
 */
export function isProblemOf<O extends OperationId>(operationId: O, value: unknown): value is ProblemOf<O> {
  const codes: readonly string[] | undefined = OPERATION_ERRORS[operationId];
  if (codes === undefined) throw new Error(`isProblemOf: unknown operationId '${String(operationId)}'`);
  return isProblem(value) && codes.includes(value.code);
}
