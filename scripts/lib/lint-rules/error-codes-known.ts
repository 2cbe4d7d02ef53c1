// contract/error-codes-known (source).
import type { Oas3Operation, Oas3Rule, UserContext } from '@redocly/openapi-core';
import { readListedCode } from '../expand-errors.ts';
import { catalog, isErrorStatus, label, xErrors } from './common.ts';

/** `x-errors` lists catalog codes only (bare, or with the reason we add them), and error responses come from the catalog, never by hand. */
const errorCodesKnown: Oas3Rule = () => ({
  Operation(operation: Oas3Operation, ctx: UserContext) {
    const listed = xErrors(operation);
    if (listed !== undefined && !Array.isArray(listed)) {
      ctx.report({ message: 'x-errors must be a list of error codes', location: ctx.location.child('x-errors') });
      return;
    }
    (listed ?? []).forEach((entry: unknown, index: number) => {
      const read = readListedCode(entry);
      if (!read) {
        ctx.report({
          message: `${label(operation, ctx)}: an x-errors entry is a code the client names for this operation, or {code: why we add it}; got ${JSON.stringify(entry)}`,
          location: ctx.location.child(['x-errors', index]),
        });
      } else if (!catalog.has(read.code)) {
        ctx.report({
          message: `${label(operation, ctx)}: unknown error code '${read.code}': it is not in openapi/errors/catalog.yaml`,
          location: ctx.location.child(['x-errors', index]),
        });
      }
    });
    for (const status of Object.keys(operation.responses ?? {}).filter(isErrorStatus)) {
      ctx.report({
        message: `${label(operation, ctx)}: response ${status} is written by hand; list its codes in x-errors and the catalog writes it`,
        location: ctx.location.child(['responses', status]).key(),
      });
    }
  },
});

export default errorCodesKnown;
