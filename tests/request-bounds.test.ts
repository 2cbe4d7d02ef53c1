// The bounds of contract-core against the bundle: no documented request reaches them, and the spec's
// "Requests" section states the same numbers as the code that enforces them.
import { expect, test } from 'vitest';
import { CARD_NUMBER_DIGITS } from '../contract-core/card-number.ts';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from '../contract-core/request-body.ts';
import { type Json, bundle, deref } from './support/bundle.ts';

/** How deep a value of the schema can nest objects and arrays (a body `{}` is 1); Infinity for a cycle. */
function depthOf(node: Json, open: Set<Json> = new Set()): number {
  const schema = deref(node);
  if (open.has(schema)) return Infinity;
  open.add(schema);
  const alternatives = ['anyOf', 'oneOf', 'allOf'].flatMap((k) => (schema[k] ?? []) as Json[]);
  const members: Json[] = [
    ...Object.values((schema['properties'] ?? {}) as Record<string, Json>),
    ...(typeof schema['additionalProperties'] === 'object' ? [schema['additionalProperties'] as Json] : []),
    ...(schema['items'] ? [schema['items'] as Json] : []),
  ];
  const nests = schema['type'] === 'object' || schema['type'] === 'array' || members.length > 0;
  const depth = Math.max(nests ? 1 + Math.max(0, ...members.map((m) => depthOf(m, open))) : 0, ...alternatives.map((a) => depthOf(a, open)));
  open.delete(schema);
  return depth;
}

const requestDepths = Object.values(bundle['paths'] as Record<string, Json>).flatMap((item) =>
  Object.values(item).flatMap((operation: Json) => {
    const schema = operation?.['requestBody'] ? deref(operation['requestBody'])['content']?.['application/json']?.['schema'] : undefined;
    return schema ? [depthOf(schema)] : [];
  }),
);
const deepest = Math.max(...requestDepths);
const description = bundle['info']['description'] as string;

test('no documented request body comes near the depth bound', () => {
  expect(requestDepths.length).toBeGreaterThan(20);
  expect(deepest).toBeLessThanOrEqual(MAX_JSON_DEPTH / 4);
});

test('the spec states the bounds and the card-number lengths the code enforces', () => {
  const text = description.replace(/\s+/g, ' ');
  expect(text).toContain(`at most ${MAX_BODY_BYTES} bytes and nested at most ${MAX_JSON_DEPTH} levels deep`);
  expect(text).toContain(`no documented request nests more than ${deepest}`);
  expect(text).toContain(`${CARD_NUMBER_DIGITS.min} to ${CARD_NUMBER_DIGITS.max} digits passing the Luhn check`);
});
