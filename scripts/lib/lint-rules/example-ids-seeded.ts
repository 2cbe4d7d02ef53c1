// contract/example-ids-seeded (source).
import type { Location, Oas3Rule, UserContext } from '@redocly/openapi-core';
import { ABSENT_OBJECT_EXAMPLES, EXAMPLE_IDS, isObjectId } from '../../../contract-core/example-objects.ts';
import { label } from './common.ts';
import { overOperations, responseExampleNames, stringsOf } from './request-parts.ts';

/**
 * The objects a request example names exist in a fresh sandbox (contract-core/example-objects.ts, which the
 * sandbox's seed makes), so that the example, sent there, gets the answer it is named after; a request named
 * `not_found` or `resource_missing` names something that does not exist. The request of a name is the
 * examples of that name (body and parameters) and the parameters' bare examples.
 */
const exampleIdsSeeded: Oas3Rule = () => {
  const reported = new Set<string>();
  const report = (ctx: UserContext, where: Location, message: string): void => {
    if (reported.has(`${where.absolutePointer} ${message}`)) return;
    reported.add(`${where.absolutePointer} ${message}`);
    ctx.report({ message, location: where.key() });
  };
  return overOperations((operation, parts, ctx) => {
    const exampleValue = (example: unknown): unknown => (ctx.resolve(example as object).node as { value?: unknown } | undefined)?.value;
    const { success, errors } = responseExampleNames(operation, parts, ctx);
    // The requests of the operation: of its successes, and those named by one of its answers.
    const names = new Set(parts.flatMap(({ node }) => Object.keys(node.examples ?? {})).filter((name) => success.includes(name) || errors.includes(name)));
    for (const name of [undefined, ...names]) {
      // Each part's example of this name, else its bare example.
      const values = parts.flatMap(({ node, location }) =>
        name !== undefined && node.examples?.[name] !== undefined
          ? [{ strings: stringsOf(exampleValue(node.examples[name])), at: location.child(['examples', name]), named: true }]
          : node.example !== undefined
            ? [{ strings: stringsOf(node.example), at: location.child('example'), named: false }]
            : [],
      );
      if (name !== undefined && ABSENT_OBJECT_EXAMPLES.has(name)) {
        const named = values.filter((v) => v.named);
        if (named.length > 0 && named.every(({ strings }) => strings.every((value) => EXAMPLE_IDS.has(value)))) {
          report(
            ctx,
            named[0]!.at,
            `${label(operation, ctx)}: request '${name}' names only objects a fresh sandbox holds: it must name one that does not exist`,
          );
        }
        continue;
      }
      for (const { strings, at } of values) {
        for (const id of strings.filter((value) => isObjectId(value) && !EXAMPLE_IDS.has(value))) {
          report(
            ctx,
            at,
            `example${name ? ` '${name}'` : ''} names ${id}, which a fresh sandbox does not hold: name an object of contract-core/example-objects.ts, or add it there and to sandbox/resources/seed.ts`,
          );
        }
      }
    }
  });
};

export default exampleIdsSeeded;
