import { describe, expect, it } from 'vitest';
import type { Version } from '../lib/version.ts';
import { catalogEntry, contract, edited, operation } from '../support.ts';
import { errorCatalogRule } from './error-catalog.ts';
import { readListedCode } from '../../scripts/lib/expand-errors.ts';

const run = async (head: Version) => errorCatalogRule.run(await contract(), head).map((c) => [c.check, c.pointer, c.message]);

describe('error-catalog rule', () => {
  it('finds nothing between a contract and itself', async () => {
    expect(await run(await contract())).toEqual([]);
  });

  it('reports a status change once, naming the operations that now answer it there', async () => {
    const head = await edited((source) => void (catalogEntry(source, 'invalid_status').status = 409));
    expect(await run(head)).toEqual([
      [
        'error-status-changed',
        '/codes/invalid_status/status',
        expect.stringMatching(/^invalid_status: status 400 → 409 in \d+ operations \(\w+, \w+, \w+, …\)/),
      ],
    ]);
  });

  it('reports type, title, retry policy and headers, each at its field', async () => {
    const head = await edited((source) => {
      Object.assign(catalogEntry(source, 'card_declined'), { type: 'https://docs.pay.jp/v2/errors/declined', title: 'Card refused', retry: 'same-key' });
      catalogEntry(source, 'rate_limit_exceeded').headers = [];
      catalogEntry(source, 'internal_server_error').headers = ['Retry-After'];
    });
    expect((await run(head)).map(([check, pointer]) => [check, pointer])).toEqual([
      ['error-type-changed', '/codes/card_declined/type'],
      ['error-title-changed', '/codes/card_declined/title'],
      ['error-retry-changed', '/codes/card_declined/retry'],
      ['error-header-removed', '/codes/rate_limit_exceeded/headers'],
      ['error-header-added', '/codes/internal_server_error/headers'],
    ]);
  });

  it('reports a code deleted and one created once each, with the operations concerned', async () => {
    const head = await edited((source) => {
      source.catalog.splice(source.catalog.indexOf(catalogEntry(source, 'test_card_on_livemode')), 1);
      for (const [path, method] of [
        ['/v2/payment_flows', 'post'],
        ['/v2/payment_flows/{payment_flow_id}/confirm', 'post'],
      ] as const) {
        const op = operation(source.document, path, method);
        op['x-errors'] = op['x-errors'].filter((entry: unknown) => readListedCode(entry)?.code !== 'test_card_on_livemode');
      }
      source.catalog.push({
        ...catalogEntry(source, 'card_declined'),
        code: 'card_expired',
        title: 'Card expired',
        type: 'https://docs.pay.jp/v2/errors/card-expired',
      });
      operation(source.document, '/v2/payment_flows/{payment_flow_id}/confirm', 'post')['x-errors'].push('card_expired');
    });
    expect(await run(head)).toEqual([
      [
        'error-code-deleted',
        '/codes/test_card_on_livemode',
        'test_card_on_livemode (402) removed from the catalog, answered until now by 2 operations (createPaymentFlow, confirmPaymentFlow): their handlers for it are dead code',
      ],
      [
        'error-code-created',
        '/codes/card_expired',
        'card_expired (402) added to the catalog, answered by 1 operation (confirmPaymentFlow): exhaustive switches over their codes no longer compile',
      ],
    ]);
  });

  it('does not compare what a catalog read back from a bundle cannot say (retry policy, headers)', async () => {
    const head = await edited((source) => void (catalogEntry(source, 'card_declined').retry = 'same-key'));
    const fromBundle = (version: Version): Version => ({
      ...version,
      catalog: version.catalog.map((e) => ({ ...e, retry: null, headers: null })),
      catalogFrom: 'bundle',
    });
    expect(errorCatalogRule.run(fromBundle(await contract()), fromBundle(head))).toEqual([]);
    expect(await run(head)).toEqual([['error-retry-changed', '/codes/card_declined/retry', expect.any(String)]]);
  });
});
