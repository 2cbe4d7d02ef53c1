import { describe, expect, it } from 'vitest';
import { contract, edited, schema } from '../support.ts';
import { problemShapeRule } from './problem-shape.ts';

describe('problem-shape rule', () => {
  it('reports a field removed from Problem once (not again for ValidationProblem, which includes it)', async () => {
    const head = await edited(({ document }) => {
      const problem = schema(document, 'Problem');
      delete problem['properties']['instance'];
    });
    expect(problemShapeRule.run(await contract(), head)).toEqual([
      expect.objectContaining({ check: 'problem-field-removed', operation: null, pointer: '/components/schemas/Problem/properties/instance' }),
    ]);
  });

  it("reports ValidationProblem's own fields: errors[].field retyped, a field no longer required", async () => {
    const head = await edited(({ document }) => {
      const own = schema(document, 'ValidationProblem')['allOf'][1];
      own['properties']['errors']['items']['properties']['field'] = { type: 'integer' };
      own['properties']['errors']['items']['required'] = ['message'];
    });
    expect(problemShapeRule.run(await contract(), head).map((c) => [c.check, c.pointer, c.message])).toEqual([
      [
        'problem-field-retyped',
        '/components/schemas/ValidationProblem/properties/errors/items/properties/field',
        'ValidationProblem: errors[].field retyped string → integer, in every error response',
      ],
      [
        'problem-field-optional',
        '/components/schemas/ValidationProblem/properties/errors/items/properties/field',
        'ValidationProblem: errors[].field no longer always sent, in every error response',
      ],
    ]);
  });
});
