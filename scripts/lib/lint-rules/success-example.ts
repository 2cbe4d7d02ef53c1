// contract/success-example.
import type { Oas3MediaType, Oas3Rule, UserContext } from '@redocly/openapi-core';

/** Every success response shows an example, so that the mock answers with realistic data. */
const successExample: Oas3Rule = () => ({
  Response: {
    skip: (_response: unknown, key: string | number) => !/^2/.test(String(key)),
    MediaType(media: Oas3MediaType, ctx: UserContext) {
      if (media.example === undefined && media.examples === undefined) {
        ctx.report({ message: 'a success response needs an example', location: ctx.location.key() });
      }
    },
  },
});

export default successExample;
