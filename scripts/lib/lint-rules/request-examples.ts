// A rule over the examples of request bodies: the first value of each example that `find` flags is reported
// at the example, with its JSON pointer. Operations under `paths` only: a webhook's body is an event PAY.JP
// sends, whose times are past moments.
import type { Oas3MediaType, Oas3Rule, UserContext } from '@redocly/openapi-core';

/** What `find` says of a flagged value: the text the message quotes. */
export type Finder = (value: unknown, key: string | undefined) => string | undefined;

/** The first value in `value` (itself included) that `find` flags, with its JSON pointer. */
function firstFlagged(find: Finder, value: unknown, pointer = '', key: string | undefined = undefined): { pointer: string; text: string } | undefined {
  const text = find(value, key);
  if (text !== undefined) return { pointer: pointer || '/', text };
  if (value === null || typeof value !== 'object') return undefined;
  for (const [name, item] of Object.entries(value)) {
    const found = firstFlagged(find, item, `${pointer}/${name}`, name);
    if (found) return found;
  }
  return undefined;
}

export const requestExampleRule =
  (find: Finder, message: (text: string, where: string) => string): Oas3Rule =>
  () => ({
    Paths: {
      RequestBody: {
        MediaType(media: Oas3MediaType, ctx: UserContext) {
          const examples: [string, unknown][] = [['example', media.example]];
          for (const [name, example] of Object.entries(media.examples ?? {})) examples.push([`examples/${name}`, ctx.resolve(example).node?.value]);
          for (const [where, example] of examples) {
            const found = firstFlagged(find, example);
            if (found)
              ctx.report({
                message: message(found.text, `${where}${found.pointer === '/' ? '' : found.pointer}`),
                location: ctx.location.child(where.split('/')),
              });
          }
        },
      },
    },
  });
