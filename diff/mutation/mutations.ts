// The single changes of the mutation proof: each one a kind of change a client can feel, made the way an author
// would (in the source, x-errors or the catalog) or, where the source cannot express it, in the bundle; with the
// finding our checker must report (check, severity, operation, pointer). The last is a rewrite that changes nothing.
import { parse, stringify } from 'yaml';
import type { Severity } from '../lib/finding.ts';
import { isObject, type JsonObject } from '../lib/json.ts';
import type { Source } from './source.ts';
import { readListedCode } from '../../scripts/lib/expand-errors.ts';

export interface Expected {
  check: string;
  severity: Severity;
  operation: string | null;
  pointer: string;
}

export interface Mutation {
  /** What is changed, for the table (Markdown). */
  name: string;
  source?: (source: Source) => void;
  /** An edit of the built bundle; a returned document replaces it. */
  bundle?: (document: JsonObject) => JsonObject | undefined;
  /** null: nothing may be reported at all. */
  expect: Expected | null;
}

type Json = Record<string, any>;
const schema = (document: JsonObject, name: string): Json => (document as Json)['components']['schemas'][name];
const operation = (document: JsonObject, path: string, method: string): Json => (document as Json)['paths'][path][method];
const dropRequired = (target: Json, field: string): void => {
  target['required'] = (target['required'] as string[]).filter((name) => name !== field);
};
const removeField = (target: Json, field: string): void => {
  delete target['properties'][field];
  dropRequired(target, field);
};
const entry = (source: Source, code: string) => {
  const found = source.catalog.find((def) => def.code === code);
  if (!found) throw new Error(`no catalog entry ${code}`);
  return found;
};
const withoutCode = (document: JsonObject, code: string): void => {
  for (const item of Object.values((document as Json)['paths'] as Json)) {
    for (const op of Object.values(item as Json))
      if (Array.isArray(op?.['x-errors'])) op['x-errors'] = op['x-errors'].filter((entry: unknown) => readListedCode(entry)?.code !== code);
  }
};

/** Every object's keys in reverse order (arrays as they are: their order can mean something, as in `allOf`). */
const reordered = (node: unknown): unknown =>
  Array.isArray(node)
    ? node.map(reordered)
    : isObject(node)
      ? Object.fromEntries(
          Object.entries(node)
            .reverse()
            .map(([k, v]) => [k, reordered(v)]),
        )
      : node;

const CUSTOMERS = '/v2/customers';
const CUSTOMER = '/v2/customers/{customer_id}';
const CONFIRM = '/v2/payment_flows/{payment_flow_id}/confirm';
const CAPTURE = '/v2/payment_flows/{payment_flow_id}/capture';
const problem = (path: string, method: string, status: number, code: string): string =>
  `/paths/${path.replaceAll('/', '~1')}/${method}/responses/${status}/content/application~1problem+json/examples/${code}`;
const at = (path: string, method: string, ...rest: string[]): string => [`/paths/${path.replaceAll('/', '~1')}/${method}`, ...rest].join('/');
const payload = (webhook: string, field: string): string => `/webhooks/${webhook}/post/requestBody/content/application~1json/schema/properties/${field}`;

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'remove an operation (`deleteCustomer`)',
    source: ({ document }) => void delete (document as Json)['paths'][CUSTOMER]['delete'],
    expect: { check: 'oasdiff:api-removed-without-deprecation', severity: 'breaking', operation: 'deleteCustomer', pointer: at(CUSTOMER, 'delete') },
  },
  {
    name: 'new required request field (`createCustomer` `tax_id`)',
    source: ({ document }) => {
      const body = schema(document, 'CustomerCreateRequest');
      body['properties']['tax_id'] = { type: 'string' };
      body['required'] = [...(body['required'] ?? []), 'tax_id'];
    },
    expect: { check: 'oasdiff:new-required-request-property', severity: 'breaking', operation: 'createCustomer', pointer: at(CUSTOMERS, 'post') },
  },
  {
    name: 'optional → required request field (`createCustomer` `email`)',
    source: ({ document }) => {
      const body = schema(document, 'CustomerCreateRequest');
      body['required'] = [...(body['required'] ?? []), 'email'];
    },
    expect: { check: 'oasdiff:request-property-became-required', severity: 'breaking', operation: 'createCustomer', pointer: at(CUSTOMERS, 'post') },
  },
  {
    name: 'remove a response field (`Customer.email`)',
    source: ({ document }) => removeField(schema(document, 'Customer'), 'email'),
    expect: {
      check: 'oasdiff:response-required-property-removed',
      severity: 'breaking',
      operation: 'getCustomer',
      pointer: at(CUSTOMER, 'get', 'responses', '200'),
    },
  },
  {
    name: 'required → optional response field (`Customer.email`)',
    source: ({ document }) => dropRequired(schema(document, 'Customer'), 'email'),
    expect: {
      check: 'oasdiff:response-property-became-optional',
      severity: 'breaking',
      operation: 'getCustomer',
      pointer: at(CUSTOMER, 'get', 'responses', '200'),
    },
  },
  {
    name: 'response type change (`Customer.email` → integer)',
    source: ({ document }) => void (schema(document, 'Customer')['properties']['email'] = { type: ['integer', 'null'] }),
    expect: {
      check: 'oasdiff:response-property-type-changed',
      severity: 'breaking',
      operation: 'getCustomer',
      pointer: at(CUSTOMER, 'get', 'responses', '200'),
    },
  },
  {
    name: 'response enum value added (`PaymentFlowStatus` `on_hold`)',
    source: ({ document }) => void schema(document, 'PaymentFlowStatus')['enum'].push('on_hold'),
    expect: {
      check: 'oasdiff:response-property-enum-value-added',
      severity: 'potentially-breaking',
      operation: 'getPaymentFlow',
      pointer: at('/v2/payment_flows/{payment_flow_id}', 'get', 'responses', '200'),
    },
  },
  {
    name: 'request enum value removed (`cancellation_reason` `abandoned`)',
    source: ({ document }) => {
      const reason = schema(document, 'PaymentFlowCancelRequest')['properties']['cancellation_reason'];
      reason['enum'] = reason['enum'].filter((value: string) => value !== 'abandoned');
    },
    expect: {
      check: 'oasdiff:request-property-enum-value-removed',
      severity: 'breaking',
      operation: 'cancelPaymentFlow',
      pointer: at('/v2/payment_flows/{payment_flow_id}/cancel', 'post'),
    },
  },
  {
    name: 'renamed query parameter (`getAllCustomers` `limit` → `page_size`)',
    source: ({ document }) => {
      const op = operation(document, CUSTOMERS, 'get');
      op['parameters'] = op['parameters'].map((p: Json) =>
        p['$ref'] === '#/components/parameters/Limit' ? { ...(document as Json)['components']['parameters']['Limit'], name: 'page_size' } : p,
      );
    },
    expect: { check: 'oasdiff:request-parameter-removed', severity: 'potentially-breaking', operation: 'getAllCustomers', pointer: at(CUSTOMERS, 'get') },
  },
  {
    name: 'remove the 429 of an operation (`createCustomer`)',
    bundle: (document) => void delete operation(document, CUSTOMERS, 'post')['responses']['429'],
    expect: { check: 'error-code-removed', severity: 'breaking', operation: 'createCustomer', pointer: problem(CUSTOMERS, 'post', 429, 'rate_limit_exceeded') },
  },
  {
    name: 'error code dropped from an operation (`confirmPaymentFlow` `card_declined`, x-errors)',
    source: ({ document }) => {
      const op = operation(document, CONFIRM, 'post');
      op['x-errors'] = op['x-errors'].filter((entry: unknown) => readListedCode(entry)?.code !== 'card_declined');
    },
    expect: { check: 'error-code-removed', severity: 'breaking', operation: 'confirmPaymentFlow', pointer: problem(CONFIRM, 'post', 402, 'card_declined') },
  },
  {
    name: 'error code added to an operation (`capturePaymentFlow` `already_refunded`, x-errors)',
    source: ({ document }) => void operation(document, CAPTURE, 'post')['x-errors'].push('already_refunded'),
    expect: {
      check: 'error-code-added',
      severity: 'potentially-breaking',
      operation: 'capturePaymentFlow',
      pointer: problem(CAPTURE, 'post', 400, 'already_refunded'),
    },
  },
  {
    name: 'code moved 400 → 422 (`invalid_status`, catalog)',
    source: (source) => void (entry(source, 'invalid_status').status = 422),
    expect: { check: 'error-status-changed', severity: 'breaking', operation: null, pointer: '/codes/invalid_status/status' },
  },
  {
    name: 'code deleted from the catalog (`test_card_on_livemode`)',
    source: (source) => {
      source.catalog.splice(source.catalog.indexOf(entry(source, 'test_card_on_livemode')), 1);
      withoutCode(source.document, 'test_card_on_livemode');
    },
    expect: { check: 'error-code-deleted', severity: 'breaking', operation: null, pointer: '/codes/test_card_on_livemode' },
  },
  {
    name: 'new code in the catalog, answered by `confirmPaymentFlow` (`card_expired`)',
    source: (source) => {
      source.catalog.push({
        ...entry(source, 'card_declined'),
        code: 'card_expired',
        title: 'Card expired',
        type: 'https://docs.pay.jp/v2/errors/card-expired',
        slug: 'card-expired',
      });
      operation(source.document, CONFIRM, 'post')['x-errors'].push('card_expired');
    },
    expect: { check: 'error-code-created', severity: 'potentially-breaking', operation: null, pointer: '/codes/card_expired' },
  },
  {
    name: 'catalog title changed (`card_declined`)',
    source: (source) => void (entry(source, 'card_declined').title = 'Card refused'),
    expect: { check: 'error-title-changed', severity: 'potentially-breaking', operation: null, pointer: '/codes/card_declined/title' },
  },
  {
    name: 'catalog `type` changed (`card_declined`)',
    source: (source) => void (entry(source, 'card_declined').type = 'https://docs.pay.jp/v2/errors/declined'),
    expect: { check: 'error-type-changed', severity: 'breaking', operation: null, pointer: '/codes/card_declined/type' },
  },
  {
    name: 'retry policy changed (`processing_error` same-key → no)',
    source: (source) => void (entry(source, 'processing_error').retry = 'no'),
    expect: { check: 'error-retry-changed', severity: 'potentially-breaking', operation: null, pointer: '/codes/processing_error/retry' },
  },
  {
    name: '`Retry-After` no longer sent with `rate_limit_exceeded` (catalog)',
    source: (source) => void (entry(source, 'rate_limit_exceeded').headers = []),
    expect: { check: 'error-header-removed', severity: 'breaking', operation: null, pointer: '/codes/rate_limit_exceeded/headers' },
  },
  {
    name: 'problem field removed (`Problem.instance`)',
    source: ({ document }) => removeField(schema(document, 'Problem'), 'instance'),
    expect: { check: 'problem-field-removed', severity: 'breaking', operation: null, pointer: '/components/schemas/Problem/properties/instance' },
  },
  {
    name: 'webhook removed (`refund.created`)',
    source: ({ document }) => void delete (document as Json)['webhooks']['refund.created'],
    expect: { check: 'webhook-removed', severity: 'breaking', operation: 'webhook refund.created', pointer: '/webhooks/refund.created' },
  },
  {
    name: 'webhook payload field removed (`Event.pending_webhooks`)',
    source: ({ document }) => removeField(schema(document, 'Event'), 'pending_webhooks'),
    expect: {
      check: 'webhook-field-removed',
      severity: 'breaking',
      operation: 'webhook refund.created',
      pointer: payload('refund.created', 'pending_webhooks'),
    },
  },
  {
    name: 'webhook payload field retyped (`Event.pending_webhooks` → string)',
    source: ({ document }) => void (schema(document, 'Event')['properties']['pending_webhooks'] = { type: 'string' }),
    expect: {
      check: 'webhook-field-retyped',
      severity: 'breaking',
      operation: 'webhook refund.created',
      pointer: payload('refund.created', 'pending_webhooks'),
    },
  },
  {
    name: 'a write loses `Idempotency-Key` (`createCustomer`)',
    source: ({ document }) => void (operation(document, CUSTOMERS, 'post')['parameters'] = []),
    expect: { check: 'idempotency-key-removed', severity: 'breaking', operation: 'createCustomer', pointer: at(CUSTOMERS, 'post', 'parameters', '0') },
  },
  {
    name: '`Idempotency-Key` format changed (maxLength 255 → 64)',
    source: ({ document }) => void ((document as Json)['components']['parameters']['IdempotencyKey']['schema']['maxLength'] = 64),
    expect: { check: 'idempotency-key-format-changed', severity: 'breaking', operation: null, pointer: '/components/parameters/IdempotencyKey/schema' },
  },
  {
    name: 'authentication scheme removed (`basicAuth`)',
    source: ({ document }) => void ((document as Json)['security'] = [{ bearerAuth: [] }]),
    expect: { check: 'oasdiff:api-global-security-removed', severity: 'breaking', operation: null, pointer: '/security' },
  },
  {
    name: 'no-op: every key reordered, YAML restyled',
    bundle: (document) =>
      parse(stringify(reordered(document), { indent: 4, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 60 })) as JsonObject,
    expect: null,
  },
];
