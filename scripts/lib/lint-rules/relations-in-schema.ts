// contract/relations-in-schema.
import type { Oas3Operation, Oas3Rule, Oas3Schema, Oas3_1Schema, UserContext } from '@redocly/openapi-core';
import { PARAMETER_RULES_KEY, readParameterRules } from '../../../contract-core/parameter-rules.ts';
import { label } from './common.ts';

/** A description that states a relation between fields or parameters, in words a tool cannot read. */
const RELATION = /\bnot together with\b|\bnot both\b|\bmutually exclusive\b|\brequired when\b|\bonly with `|\bthis or `[^`]+` is required\b/i;
const SCHEMA_RELATIONS = ['anyOf', 'oneOf', 'if', 'not', 'dependentRequired', 'dependentSchemas'] as const;

/**
 * A relation stated in a description has its machine-readable counterpart: in the object's schema (`anyOf`,
 * `if`/`then`, `dependentRequired`…) for fields, in the operation's `x-parameter-rules` for query parameters
 * (OpenAPI cannot relate parameters). `x-parameter-rules` itself is the vocabulary of
 * contract-core/parameter-rules.ts and names the operation's query parameters only.
 */
const relationsInSchema: Oas3Rule = () => ({
  Schema(schema: Oas3Schema | Oas3_1Schema, ctx: UserContext) {
    if (SCHEMA_RELATIONS.some((keyword) => (schema as Record<string, unknown>)[keyword] !== undefined)) return;
    if (schema.properties === undefined) return; // a field's description is read with its object's schema
    const described = [
      ['', schema.description],
      ...Object.entries(schema.properties).map(([name, property]) => [name, ctx.resolve(property).node?.description]),
    ];
    for (const [name, description] of described) {
      if (typeof description !== 'string' || !RELATION.test(description)) continue;
      ctx.report({
        message: `${name ? `property ${name}: ` : ''}the description states a relation ("${RELATION.exec(description)![0]}") the schema does not: add its ${SCHEMA_RELATIONS.join('/')} counterpart`,
        location: name ? ctx.location.child(['properties', name]).key() : ctx.location.key(),
      });
    }
  },
  Paths: {
    Operation(operation: Oas3Operation, ctx: UserContext) {
      const where = ctx.location.child(PARAMETER_RULES_KEY);
      let rules: ReturnType<typeof readParameterRules>;
      try {
        rules = readParameterRules((operation as unknown as Record<string, unknown>)[PARAMETER_RULES_KEY], label(operation, ctx));
      } catch (error) {
        return ctx.report({ message: (error as Error).message, location: where });
      }
      const query = (operation.parameters ?? []).map((p) => ctx.resolve(p).node).filter((p) => p?.in === 'query');
      const names = new Set(query.map((p) => p!.name));
      const related = new Set(rules.flatMap((rule) => rule.mutuallyExclusive));
      for (const name of [...related].filter((n) => !names.has(n))) {
        ctx.report({
          message: `${label(operation, ctx)}: ${PARAMETER_RULES_KEY} names '${name}', which is not a query parameter of the operation`,
          location: where,
        });
      }
      for (const parameter of query) {
        if (parameter && typeof parameter.description === 'string' && RELATION.test(parameter.description) && !related.has(parameter.name)) {
          ctx.report({
            message: `${label(operation, ctx)}: parameter ${parameter.name}'s description states a relation ("${RELATION.exec(parameter.description)![0]}") that ${PARAMETER_RULES_KEY} does not`,
            location: ctx.location.key(),
          });
        }
      }
    },
  },
});

export default relationsInSchema;
