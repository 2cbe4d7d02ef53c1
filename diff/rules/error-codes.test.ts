import { describe, expect, it } from 'vitest';
import { catalogEntry, contract, edited, operation } from '../support.ts';
import { errorCodesRule } from './error-codes.ts';
import { readListedCode } from '../../scripts/lib/expand-errors.ts';

const CONFIRM = '/v2/payment_flows/{payment_flow_id}/confirm';
const CAPTURE = '/v2/payment_flows/{payment_flow_id}/capture';
/** A list less a code; an x-errors entry may be the code bare or with its reason (`- code: "why"`). */
const without = <T>(list: T[], code: string): T[] => list.filter((entry) => readListedCode(entry)?.code !== code);

describe('error-codes rule', () => {
  it('finds nothing between a contract and itself', async () => {
    expect(errorCodesRule.run(await contract(), await contract())).toEqual([]);
  });

  it('reports a code dropped from an operation at its status and example, naming the code', async () => {
    const head = await edited(({ document }) => {
      const op = operation(document, CONFIRM, 'post');
      op['x-errors'] = without(op['x-errors'], 'card_declined');
    });
    expect(errorCodesRule.run(await contract(), head)).toEqual([
      expect.objectContaining({
        check: 'error-code-removed',
        operation: 'confirmPaymentFlow',
        pointer: '/paths/~1v2~1payment_flows~1{payment_flow_id}~1confirm/post/responses/402/content/application~1problem+json/examples/card_declined',
        message: expect.stringMatching(/^402 card_declined removed/),
        anchor: { operation: { tag: 'Payment Flows', operationId: 'confirmPaymentFlow' } },
      }),
    ]);
  });

  it('reports a code added to an operation', async () => {
    const head = await edited(({ document }) => void operation(document, CAPTURE, 'post')['x-errors'].push('already_refunded'));
    expect(errorCodesRule.run(await contract(), head)).toEqual([
      expect.objectContaining({ check: 'error-code-added', operation: 'capturePaymentFlow', message: expect.stringMatching(/^400 already_refunded added/) }),
    ]);
  });

  it('reports a code moved between statuses of one operation once, and the bundle contradicting its catalog', async () => {
    // Only a hand-edited bundle can do this: the build gives a code the catalog's status everywhere.
    const head = await edited(
      () => {},
      (document) => {
        const responses = operation(document, CAPTURE, 'post')['responses'];
        const codes = (status: string): { enum: string[] } => responses[status].content['application/problem+json'].schema.allOf[1].properties.code;
        codes('400').enum = without(codes('400').enum, 'invalid_status');
        responses['409'] = structuredClone(responses['400']);
        // Problem409 allows only the catalog's 409 codes: the intersection would drop invalid_status again.
        responses['409'].content['application/problem+json'].schema.allOf[0].$ref = '#/components/schemas/Problem';
        codes('409').enum = ['idempotency_conflict', 'idempotency_timeout', 'invalid_status'];
      },
    );
    const checks = errorCodesRule.run(await contract(), head).map((c) => [c.check, c.message.split(':')[0]]);
    expect(checks.sort()).toEqual([
      ['error-code-moved', 'invalid_status moved from 400 to 409'],
      ['error-codes-inconsistent', 'answers invalid_status with 409, the catalog gives it 400'],
      ['error-codes-inconsistent', 'x-errors lists invalid_status, the 400 response does not allow it'],
    ]);
  });

  it('leaves to the catalog rule what follows from a catalog change', async () => {
    const head = await edited((source) => void (catalogEntry(source, 'invalid_status').status = 409));
    expect(errorCodesRule.run(await contract(), head)).toEqual([]);
  });
});
