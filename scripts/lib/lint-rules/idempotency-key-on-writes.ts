// contract/idempotency-key-on-writes (source).
import type { Oas3Operation, Oas3Rule, UserContext } from '@redocly/openapi-core';
import { WRITE_METHODS } from '../../../contract-core/conventions.ts';
import { label } from './common.ts';

/** Writes take an Idempotency-Key (the shared parameter, so its format rule is stated once). */
const idempotencyKeyOnWrites: Oas3Rule = () => ({
  // Operations under `paths` only: webhooks are requests PAY.JP sends to you, not calls to the API.
  Paths: {
    Operation(operation: Oas3Operation, ctx: UserContext) {
      if (!WRITE_METHODS.has(String(ctx.key))) return;
      const hasKey = (operation.parameters ?? []).some((p) => {
        const resolved = ctx.resolve(p).node;
        return resolved?.in === 'header' && resolved.name === 'Idempotency-Key';
      });
      if (!hasKey) {
        ctx.report({
          message: `${label(operation, ctx)}: a ${String(ctx.key).toUpperCase()} needs the Idempotency-Key header parameter`,
          location: ctx.location.key(),
        });
      }
    },
  },
});

export default idempotencyKeyOnWrites;
