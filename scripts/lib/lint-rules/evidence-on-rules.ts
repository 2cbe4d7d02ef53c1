// contract/evidence-on-rules (source).
import type { Oas3Operation, Oas3Rule, UserContext } from '@redocly/openapi-core';
import { SOURCES } from '../catalog.ts';
import { schemaRefSiblings } from './common.ts';

/** Schema keywords that state a rule beyond the shape (a format, a limit): each says its source (`propertyNames` holds a schema whose keywords do). */
const EVIDENCED_KEYWORDS = [
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'multipleOf',
] as const;

/** What is wrong with an `x-evidence` entry (`{source, reason}`, a reason for an inferred one), or undefined. */
function evidenceProblem(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'must be {source, reason}';
  const { source, reason, ...rest } = entry as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `has unknown field '${Object.keys(rest)[0]}' (only source and reason)`;
  if (!(SOURCES as readonly unknown[]).includes(source)) return `source must be one of ${SOURCES.join(', ')} (got ${JSON.stringify(source)})`;
  if (reason !== undefined && (typeof reason !== 'string' || reason.trim() === '')) return 'reason must be a non-empty string';
  if (source === 'inferred' && reason === undefined) return 'is inferred: say why in a reason';
  return undefined;
}

/**
 * Every constraint of a schema (the keywords above, and `additionalProperties: false`) carries its evidence in
 * the schema's `x-evidence`, keyed by the keyword; every webhook says where its event type comes from. The
 * contract tests grade a breach by it (an inferred rule is a warning against a remote server).
 */
const evidenceOnRules: Oas3Rule = () => {
  const check = (node: Record<string, unknown>, ctx: UserContext, required: string[], what: string): void => {
    const evidence = node['x-evidence'];
    if (required.length === 0 && evidence === undefined) return;
    if (typeof evidence !== 'object' || evidence === null || Array.isArray(evidence)) {
      ctx.report({
        message: `${what} needs x-evidence: {${required.map((k) => `${k}: {source, reason}`).join(', ')}} (source: ${SOURCES.join(', ')})`,
        location: ctx.location.key(),
      });
      return;
    }
    const given = evidence as Record<string, unknown>;
    for (const key of required) {
      const problem = given[key] === undefined ? 'is missing' : evidenceProblem(given[key]);
      if (problem)
        ctx.report({
          message: `${what}: x-evidence.${key} ${problem}`,
          location: ctx.location.child(['x-evidence', ...(given[key] === undefined ? [] : [key])]),
        });
    }
    for (const key of Object.keys(given).filter((k) => !required.includes(k))) {
      ctx.report({
        message: `${what}: x-evidence.${key} has no rule to back (the node has no ${key})`,
        location: ctx.location.child(['x-evidence', key]).key(),
      });
    }
  };
  const constraintsOf = (node: Record<string, unknown>): string[] => [
    ...EVIDENCED_KEYWORDS.filter((k) => node[k] !== undefined),
    ...(node['additionalProperties'] === false ? ['additionalProperties'] : []),
  ];
  return {
    Schema(schema: object, ctx: UserContext) {
      const node = schema as Record<string, unknown>;
      check(node, ctx, constraintsOf(node), 'a schema constraint');
    },
    // Constraints written next to a $ref, with their evidence beside them.
    ref(node: object, ctx: UserContext) {
      const siblings = schemaRefSiblings(node, ctx);
      if (siblings) check(siblings, ctx, constraintsOf(siblings), 'a schema constraint beside $ref');
    },
    WebhooksMap: {
      Operation(operation: Oas3Operation, ctx: UserContext) {
        check(operation as unknown as Record<string, unknown>, ctx, ['event_type'], `webhook ${operation.operationId ?? ''}`.trim());
      },
    },
  };
};

export default evidenceOnRules;
