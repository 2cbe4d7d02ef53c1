// Over every operation of the bundle: the sandbox routes exactly the spec's operations, and the errors any
// client can provoke from outside come back as the problems of our catalog that the operation documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OBJECTS } from '../contract-core/example-objects.ts';
import { ROUTES } from './resources/routes.ts';
import { type Client, bundleOperations, sandboxClient } from './test-support.ts';

const operations = bundleOperations();
const concrete = (path: string): string => path.replace(/\{[^}]+\}/g, 'x_missing_0000');
const hasPathId = (path: string): boolean => path.includes('{');

let client: Client;
beforeAll(async () => {
  client = await sandboxClient();
});
afterAll(() => client.close());

describe('route table', () => {
  it('answers exactly the operations of the bundle, under the same paths and IDs', () => {
    const routed = ROUTES.map((route) => `${route.method} ${route.path} ${route.operationId}`).sort();
    const specified = operations.map((op) => `${op.method} ${op.path} ${op.operationId}`).sort();
    expect(routed).toEqual(specified);
  });
  it('takes a request body exactly where the bundle documents one, required or optional alike', () => {
    // The mock reads the bundle; both refuse a body where none is documented (contract-core/request-body.ts).
    const routed = ROUTES.map((route) => `${route.operationId} ${route.body ?? 'none'}`).sort();
    const specified = operations.map((op) => `${op.operationId} ${op.body ?? 'none'}`).sort();
    expect(routed).toEqual(specified);
  });
});

describe.each(operations)('$operationId ($method $path)', ({ method, path, paginated, body }) => {
  const target = concrete(path);

  it('answers 401 unauthorized without a key and for a live key, never echoing it', async () => {
    expect((await client.call(method, target, { key: null })).body.code).toBe('unauthorized');
    const live = await client.call(method, target, { key: 'sk_live_should_not_echo' });
    expect(live.body.code).toBe('unauthorized');
    expect(live.body.detail).toMatch(/test mode/);
    expect(JSON.stringify(live.body)).not.toContain('sk_live_should_not_echo');
  });

  it.runIf(hasPathId(path))('answers 404 not_found for an unknown ID', async () => {
    const answer = await client.call(method, target, body ? { body: {} } : {});
    // A body check may come first on writes; the lookup answers 404 once the body is acceptable.
    expect(['not_found', 'validation_error']).toContain(answer.body.code);
    if (method !== 'POST') expect(answer.body.code).toBe('not_found');
  });

  it.runIf(method === 'POST')('answers 400 invalid_idempotency_key for a malformed key', async () => {
    const answer = await client.call(method, target, { ...(body ? { body: {} } : {}), headers: { 'idempotency-key': 'not a valid key!' } });
    expect(answer.body.code).toBe('invalid_idempotency_key');
  });

  it.runIf(paginated && !hasPathId(path))('checks limit and cursors', async () => {
    expect((await client.get(`${target}?limit=0`)).body.errors).toEqual([{ field: 'limit', message: expect.any(String) }]);
    expect((await client.get(`${target}?limit=101`)).status).toBe(422);
    expect((await client.get(`${target}?limit=ten`)).status).toBe(422);
    expect((await client.get(`${target}?starting_after=x_missing_0000`)).body.code).toBe('resource_missing');
    const page = await client.ok('GET', `${target}?limit=1`);
    expect(page).toMatchObject({ object: 'list', url: target, has_more: expect.any(Boolean), data: expect.any(Array) });
  });
});

describe('bodies', () => {
  const withBody = operations.filter((op) => op.method === 'POST' && ROUTES.find((r) => r.operationId === op.operationId)?.body);
  // Path IDs of seeded objects, so that the body (not the lookup) is what is checked.
  const seeded: Record<string, string> = {
    payment_method_configuration_id: EXAMPLE_OBJECTS.paymentMethodConfiguration,
    customer_id: EXAMPLE_OBJECTS.customer,
  };
  const pathFor = (path: string) => path.replace(/\{([^}]+)\}/g, (_, name: string) => seeded[name] ?? 'x_missing_0000');

  it.each(withBody)('$operationId refuses malformed JSON, unknown fields and raw card numbers', async ({ method, path }) => {
    const target = pathFor(path);
    expect((await client.call(method, target, { raw: '{"amount": 1000,' })).body.code).toBe('invalid_request');
    expect((await client.call(method, target, { body: { metadata: { note: '4242 4242 4242 4242' } } })).body.code).toBe('card_number_not_allowed');
    const unknown = await client.call(method, target, { body: { sandbox_unknown_field: 1 } });
    // Where the path names an object that exists, the body is what is checked; elsewhere the lookup may answer first.
    if (!target.includes('x_missing_0000')) expect(unknown.body.code).toBe('validation_error');
    expect(['validation_error', 'not_found']).toContain(unknown.body.code);
    if (unknown.body.code === 'validation_error')
      expect(unknown.body.errors).toContainEqual({ field: 'sandbox_unknown_field', message: 'Extra inputs are not permitted' });
  });
});

it('answers 404 not_found for a path no operation has', async () => {
  const answer = await client.get('/v2/no_such_resource');
  expect(answer.body.code).toBe('not_found');
  expect(answer.body.detail).toContain('/v2/no_such_resource');
});
