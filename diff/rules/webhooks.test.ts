import { describe, expect, it } from 'vitest';
import { contract, edited, schema } from '../support.ts';
import { webhooksRule } from './webhooks.ts';

const WEBHOOKS = 7;

describe('webhooks rule', () => {
  it('finds nothing between a contract and itself', async () => {
    expect(webhooksRule.run(await contract(), await contract())).toEqual([]);
  });

  it('reports an event type removed and one added', async () => {
    const head = await edited(({ document }) => {
      document['webhooks']['refund.updated'] = document['webhooks']['refund.created'];
      delete document['webhooks']['refund.created'];
    });
    expect(webhooksRule.run(await contract(), head).map((c) => [c.check, c.operation, c.pointer])).toEqual([
      ['webhook-removed', 'webhook refund.created', '/webhooks/refund.created'],
      ['webhook-added', 'webhook refund.updated', '/webhooks/refund.updated'],
    ]);
  });

  it('judges the payload as the merchant reads it: a field removed, retyped, optional or with a new value', async () => {
    const head = await edited(({ document }) => {
      const event = schema(document, 'Event');
      delete event['properties']['pending_webhooks'];
      event['properties']['livemode'] = { type: 'string' };
      event['required'] = event['required'].filter((name: string) => !['pending_webhooks', 'updated_at'].includes(name));
      event['properties']['type'] = { ...event['properties']['type'], enum: ['refund.created'] };
      event['properties']['data']['properties']['trace_id'] = { type: 'string' };
    });
    const changes = webhooksRule.run(await contract(), head).filter((c) => c.operation === 'webhook refund.created');
    expect(changes.map((c) => [c.check, c.message])).toEqual([
      ['webhook-field-retyped', 'payload livemode retyped boolean → string'],
      ['webhook-field-removed', 'payload pending_webhooks removed'],
      ['webhook-field-optional', 'payload updated_at no longer always sent'],
      ['webhook-field-added', 'payload data.trace_id added'],
    ]);
    expect(webhooksRule.run(await contract(), head)).toHaveLength(changes.length * WEBHOOKS);
  });
});
