import { describe, expect, it } from 'vitest';
import { isAllOfMove } from './allof-moves.ts';

// A list whose `data` moves from the envelope (first allOf member) to the second, as in this repository's history.
const list = (envelopeRequires: string[], ownRequires: string[], data = true) => ({
  paths: {
    '/v2/things': {
      get: {
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    {
                      type: 'object',
                      required: envelopeRequires,
                      properties: { object: { const: 'list' }, has_more: { type: 'boolean' }, ...(data ? { data: { type: 'array' } } : {}) },
                    },
                    { type: 'object', required: ownRequires, properties: data ? { data: { type: 'array' } } : {} },
                  ],
                },
              },
            },
          },
        },
      },
    },
  },
});
const change = (id: string, text: string) => ({ id, text, operation: 'GET', path: '/v2/things', level: 3 });

describe('isAllOfMove', () => {
  const base = list(['object', 'has_more', 'data'], []);
  const moved = list(['object', 'has_more'], ['data']);

  it('refutes "removed" and "became required" when the merged response still requires the field', () => {
    expect(
      isAllOfMove(
        change(
          'response-required-property-removed',
          'removed the required property `allOf[#/components/schemas/ListEnvelope]/data` from the response with the `200` status',
        ),
        base,
        moved,
      ),
    ).toBe(true);
    expect(
      isAllOfMove(
        change('response-property-became-required', 'the response property `allOf[subschema #2]/data` became required for the status `200`'),
        base,
        moved,
      ),
    ).toBe(true);
  });

  it('keeps a real removal', () => {
    const gone = list(['object', 'has_more'], [], false);
    expect(
      isAllOfMove(change('response-required-property-removed', 'removed the required property `data` from the response with the `200` status'), base, gone),
    ).toBe(false);
  });

  it('leaves alone changes it has no claim for', () => {
    expect(isAllOfMove(change('api-path-removed-without-deprecation', 'api path removed without deprecation'), base, moved)).toBe(false);
  });
});
