// contract/baseline-errors (bundle).
import type { Oas3Operation, Oas3Rule, UserContext } from '@redocly/openapi-core';
import { WRITE_METHODS } from '../../../contract-core/conventions.ts';
import { BASELINE_STATUSES, WRITE_CODES, label, xErrors } from './common.ts';

/** Bundle: every operation documents the statuses of the codes that apply to every operation; writes also the idempotency errors. */
const baselineErrors: Oas3Rule = () => ({
  // Operations under `paths` only: webhooks are requests PAY.JP sends to you, not calls to the API.
  Paths: {
    Operation(operation: Oas3Operation, ctx: UserContext) {
      const statuses = Object.keys(operation.responses ?? {});
      const missing = BASELINE_STATUSES.filter((status) => !statuses.includes(status));
      const codes = (xErrors(operation) ?? []) as string[];
      const missingCodes = WRITE_METHODS.has(String(ctx.key)) ? WRITE_CODES.filter((code) => !codes.includes(code)) : [];
      if (missing.length + missingCodes.length > 0) {
        ctx.report({
          message: `${label(operation, ctx)}: missing ${[...missing.map((s) => `response ${s}`), ...missingCodes].join(', ')}`,
          location: ctx.location.key(),
        });
      }
    },
  },
});

export default baselineErrors;
