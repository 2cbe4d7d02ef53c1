// The mock's Node floor is Prism's own (package/build.ts lets the rest of the package run on older Node).
import { describe, expect, test } from 'vitest';
import { checkNodeForPrism } from './prism.ts';

describe('the mock on an older Node', () => {
  test('refuses below the floor Prism declares, naming both versions', () => {
    expect(() => checkNodeForPrism('20.20.2')).toThrow(/^mock: needs Node >=24\.18\.0 .*this is Node 20\.20\.2$/);
    expect(() => checkNodeForPrism('24.17.9')).toThrow(/this is Node 24\.17\.9/);
  });
  test('runs on this Node', () => {
    expect(() => checkNodeForPrism()).not.toThrow();
  });
});
