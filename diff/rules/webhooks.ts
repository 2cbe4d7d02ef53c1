// Webhooks: the events PAY.JP posts to the merchant's endpoint. Here the merchant is the reader, so the
// direction is that of a response: an event type removed, a payload field removed, retyped or no longer always
// sent breaks the receiving code; a new enum value breaks its exhaustive switches.
import { compareFields, fieldsOf, type FieldChange } from '../lib/fields.ts';
import type { Change } from '../lib/finding.ts';
import { objectAt, pointer, type JsonObject } from '../lib/json.ts';
import type { Rule } from './rule.ts';

const CHECKS: Record<FieldChange['kind'], string> = {
  removed: 'webhook-field-removed',
  retyped: 'webhook-field-retyped',
  optional: 'webhook-field-optional',
  'enum-value-added': 'webhook-enum-value-added',
  added: 'webhook-field-added',
};

interface Webhook {
  name: string;
  method: string;
  operation: JsonObject;
}

function webhooksOf(document: JsonObject): Map<string, Webhook> {
  const webhooks = objectAt(document, document['webhooks']);
  return new Map(
    Object.entries(webhooks).flatMap(([name, item]) =>
      Object.entries(objectAt(document, item))
        .filter(([method]) => ['post', 'put'].includes(method))
        .map(([method, operation]): [string, Webhook] => [name, { name, method, operation: objectAt(document, operation) }]),
    ),
  );
}

const payloadOf = (document: JsonObject, webhook: Webhook): unknown =>
  objectAt(document, objectAt(document, objectAt(document, webhook.operation['requestBody'])['content'])['application/json'])['schema'];

const anchorOf = (webhook: Webhook): Pick<Change, 'anchor'> => {
  const tag = (webhook.operation['tags'] as string[] | undefined)?.[0];
  const operationId = webhook.operation['operationId'];
  return tag && typeof operationId === 'string' ? { anchor: { operation: { tag, operationId } } } : {};
};

export const webhooksRule: Rule = {
  checks: ['webhook-removed', 'webhook-added', ...Object.values(CHECKS)],
  run(base, head) {
    const before = webhooksOf(base.document);
    const after = webhooksOf(head.document);
    const changes: Change[] = [];
    for (const [name, webhook] of before) {
      if (!after.has(name)) {
        changes.push({
          check: 'webhook-removed',
          operation: `webhook ${name}`,
          pointer: pointer('webhooks', name),
          document: 'bundle',
          message: `event type ${name} is no longer sent: endpoints waiting for it never hear of it again`,
        });
        continue;
      }
      const now = after.get(name)!;
      const at = pointer('webhooks', name, now.method, 'requestBody', 'content', 'application/json', 'schema');
      for (const field of compareFields(fieldsOf(base.document, payloadOf(base.document, webhook)), fieldsOf(head.document, payloadOf(head.document, now)))) {
        changes.push({
          check: CHECKS[field.kind],
          operation: `webhook ${name}`,
          pointer: at + field.pointer,
          document: 'bundle',
          message: `payload ${field.detail}`,
          ...anchorOf(now),
        });
      }
    }
    for (const [name, webhook] of after) {
      if (!before.has(name)) {
        changes.push({
          check: 'webhook-added',
          operation: `webhook ${name}`,
          pointer: pointer('webhooks', name),
          document: 'bundle',
          message: `new event type ${name}`,
          ...anchorOf(webhook),
        });
      }
    }
    return changes;
  },
};
