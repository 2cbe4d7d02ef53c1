// The copy Specmatic reads: bearer alone, and an anyOf of required sets carrying the object's properties.
import { describe, expect, it } from 'vitest';
import { loadContract, type JsonObject } from '../../contract-core/contract.ts';
import { specmaticCopy } from './spec-copy.ts';

describe("Specmatic's copy of the bundle", () => {
  const copy = specmaticCopy(loadContract().document);

  it('asks for the bearer scheme alone', () => {
    expect(copy['security']).toEqual([{ bearerAuth: [] }]);
  });

  it("repeats a card's billing details properties in each option of its anyOf, keeping what each option requires", () => {
    const schema = ((copy['components'] as JsonObject)['schemas'] as JsonObject)['PaymentMethodCardBillingDetailsRequest'] as JsonObject;
    const options = schema['anyOf'] as JsonObject[];
    expect(options.map((o) => o['required'])).toEqual([['phone'], ['email']]);
    for (const option of options)
      expect(Object.keys(option['properties'] as JsonObject).sort()).toEqual(Object.keys(schema['properties'] as JsonObject).sort());
  });
});
