// contract/number-bounds.
import type { Oas3Rule, Oas3Schema, Oas3_1Schema, UserContext } from '@redocly/openapi-core';
import { schemaRefSiblings } from './common.ts';

/** The bounds a number schema lacks (`minimum`, `maximum`, or their exclusive forms); none for another type. */
function missingBounds(schema: Record<string, unknown>): string[] {
  const types = [schema['type']].flat();
  if (!types.includes('integer') && !types.includes('number')) return [];
  return [
    schema['minimum'] === undefined && schema['exclusiveMinimum'] === undefined ? 'minimum' : '',
    schema['maximum'] === undefined && schema['exclusiveMaximum'] === undefined ? 'maximum' : '',
  ].filter(Boolean);
}

/**
 * Every number has bounds (`minimum` and `maximum`), each with its evidence in `x-evidence`: a tool that
 * generates requests (Specmatic) otherwise sends 19-digit values, which a server rounds (JSON numbers hold
 * integers exactly up to 2^53 − 1 only) and then judges as some other number.
 */
const numberBounds: Oas3Rule = () => {
  const report = (missing: string[], ctx: UserContext): void => {
    if (missing.length > 0)
      ctx.report({
        message: `a number without ${missing.join(' and ')}: give the bounds the API has, with their evidence in x-evidence (published, client, or inferred and why)`,
        location: ctx.location.key(),
      });
  };
  return {
    Schema(schema: Oas3Schema | Oas3_1Schema, ctx: UserContext) {
      report(missingBounds(schema as Record<string, unknown>), ctx);
    },
    // A number typed or bounded next to a $ref: the referenced schema with the keywords beside it.
    ref(node: object, ctx: UserContext, resolved: { node: unknown }) {
      const siblings = schemaRefSiblings(node, ctx);
      if (siblings && typeof resolved.node === 'object' && resolved.node !== null) report(missingBounds({ ...resolved.node, ...siblings }), ctx);
    },
  };
};

export default numberBounds;
