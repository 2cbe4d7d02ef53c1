// contract/named-request-examples.
import type { Oas3Rule, UserContext } from '@redocly/openapi-core';
import { label } from './common.ts';
import { type RequestPart, overOperations, responseExampleNames } from './request-parts.ts';

/**
 * Request examples are named as the response example they produce (`examples: {captured: …}` beside a `200`
 * example `captured`; an error's examples are named by its code, `not_found`), so that example-driven tools
 * (Specmatic pairs request and response examples by name) send each example as written:
 * - a request body has no bare `example`, and each of its examples names a response example of the operation;
 * - every success example has its request: an example of that name in the body, if the operation has one;
 * - every request (of a success, or named by an answer in some part) has its example in each path parameter
 *   written with named examples (a bare `example` serves every request);
 * - each named example of a parameter is named as a response example of an operation that uses it.
 */
const namedRequestExamples: Oas3Rule = () => {
  /** Per parameter written with named examples: the parameter, and the response example names of the operations using it. */
  const answered = new Map<string, { part: RequestPart; names: Set<string> }>();
  return {
    ...overOperations((operation, parts, ctx) => {
      const { success, errors } = responseExampleNames(operation, parts, ctx);
      const isResponseExample = (name: string): boolean => success.includes(name) || errors.includes(name);
      // The requests the operation's examples make: its successes', and those named as one of its answers.
      const requests = new Set([...success, ...parts.flatMap((part) => Object.keys(part.node.examples ?? {})).filter(isResponseExample)]);
      for (const part of parts.filter((p) => p.parameter === undefined)) {
        if (part.node.example !== undefined) {
          ctx.report({
            message: `${label(operation, ctx)}: a request example needs a name: write it under examples, named as the response example it produces`,
            location: part.location.child('example').key(),
          });
        }
        const named = Object.keys(part.node.examples ?? {});
        for (const name of named.filter((n) => !isResponseExample(n))) {
          ctx.report({
            message: `${label(operation, ctx)}: request example '${name}' names no response example of the operation (successes: ${success.join(', ') || 'none'}; errors: their codes): name it as the answer it produces`,
            location: part.location.child(['examples', name]).key(),
          });
        }
        for (const name of success.filter((n) => !named.includes(n))) {
          ctx.report({
            message: `${label(operation, ctx)}: success example '${name}' has no request example of that name in the request body: example-driven tools then send a body of their own making`,
            location: part.location.key(),
          });
        }
      }
      for (const part of parts.filter((p) => p.parameter !== undefined && p.node.examples !== undefined)) {
        const entry = answered.get(part.location.absolutePointer) ?? { part, names: new Set<string>() };
        [...success, ...errors].forEach((name) => entry.names.add(name));
        answered.set(part.location.absolutePointer, entry);
        if (part.parameter !== 'path') continue;
        for (const name of [...requests].filter((n) => part.node.examples?.[n] === undefined)) {
          ctx.report({
            message: `${label(operation, ctx)}: ${success.includes(name) ? 'success example' : 'request'} '${name}' has no example of that name in path parameter ${part.node.name}: example-driven tools then invent the ID`,
            location: part.location.child('examples').key(),
          });
        }
      }
    }),
    Root: {
      leave(_root: unknown, ctx: UserContext) {
        for (const { part, names } of answered.values()) {
          for (const name of Object.keys(part.node.examples ?? {}).filter((n) => !names.has(n))) {
            ctx.report({
              message: `parameter ${part.node.name}: example '${name}' is named as no response example of the operations that use it`,
              location: part.location.child(['examples', name]).key(),
            });
          }
        }
      },
    },
  };
};

export default namedRequestExamples;
