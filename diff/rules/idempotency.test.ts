import { describe, expect, it } from 'vitest';
import { contract, edited, operation } from '../support.ts';
import { idempotencyRule } from './idempotency.ts';

const key = (document: Record<string, any>): Record<string, any> => document['components']['parameters']['IdempotencyKey'];

describe('idempotency rule', () => {
  it('finds nothing between a contract and itself', async () => {
    expect(idempotencyRule.run(await contract(), await contract())).toEqual([]);
  });

  it('reports a write that loses Idempotency-Key where it was listed', async () => {
    const head = await edited(({ document }) => void (operation(document, '/v2/customers', 'post')['parameters'] = []));
    expect(idempotencyRule.run(await contract(), head)).toEqual([
      expect.objectContaining({ check: 'idempotency-key-removed', operation: 'createCustomer', pointer: '/paths/~1v2~1customers/post/parameters/0' }),
    ]);
  });

  it('reports a stricter format of the shared parameter once, for every write', async () => {
    const head = await edited(({ document }) => {
      key(document)['schema']['maxLength'] = 64;
      key(document)['schema']['pattern'] = '^[a-z0-9-]+$';
    });
    const [change, ...rest] = idempotencyRule.run(await contract(), head);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      check: 'idempotency-key-format-changed',
      operation: null,
      pointer: '/components/parameters/IdempotencyKey/schema',
      message: expect.stringMatching(
        /^Idempotency-Key maxLength 255 → 64, pattern \^\[A-Za-z0-9_-\]\+\$ → \^\[a-z0-9-\]\+\$ for \d+ writes: keys clients generate today may be refused$/,
      ),
    });
  });

  it('tells a looser format and a required key apart', async () => {
    const head = await edited(({ document }) => {
      key(document)['schema']['maxLength'] = 512;
      key(document)['required'] = true;
    });
    const checks = idempotencyRule.run(await contract(), head).map((c) => c.check);
    expect(new Set(checks)).toEqual(new Set(['idempotency-key-required', 'idempotency-key-format-widened']));
    expect(checks.filter((c) => c === 'idempotency-key-format-widened')).toHaveLength(1);
  });
});
