// The corpus's shape: faults that cannot do what they claim are not mutants, IDs are unique, and the
// request-reading fault rewrites a JSON null body only.
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../contract-core/contract.ts';
import { buildCorpus } from './corpus.ts';

const { mutants } = buildCorpus(loadContract());
const ids = mutants.map((m) => m.id);

describe('the mutation corpus', () => {
  it('gives every mutant its own ID', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('switches off a guard of a create only where the amount can be capped', () => {
    expect(ids.filter((id) => /^create\w+\/guard-off-/.test(id))).toEqual(['createPaymentRefund/guard-off-refund_exceeds_payment']);
  });

  it('answers an unknown ID with another object only where a list gives one', () => {
    expect(ids).toContain('getPaymentMethod/found-when-missing');
    expect(ids).not.toContain('getPaymentMethodByCard/found-when-missing');
  });

  it('reads a JSON null body as {} on operations whose body is required, and leaves other bodies', () => {
    expect(ids).toContain('createCustomer/null-body-as-empty');
    expect(ids).not.toContain('capturePaymentFlow/null-body-as-empty'); // its body is optional: null is no body
    const rewrite = mutants
      .find((m) => m.id === 'createCustomer/null-body-as-empty')!
      .activate()
      .drifts.get('createCustomer')!.rewrite!;
    const op = mutants.find((m) => m.id === 'createCustomer/null-body-as-empty')!.operation;
    const request = (body: string) => ({ method: 'POST', url: '/v2/customers', headers: {}, body: Buffer.from(body) });
    expect(rewrite(request(' null '), op)?.body?.toString()).toBe('{}');
    expect(rewrite(request('{"email":null}'), op)).toBeUndefined();
  });
});
