// Lint catches what a hand edit can break, and says where: file and line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLineColLocation, lint, type NormalizedProblem } from '@redocly/openapi-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRedoclyConfig } from '../scripts/lib/build-spec.ts';
import { loadCatalog, parseCatalog } from '../scripts/lib/catalog.ts';
import { CATALOG_FILE, ROOT } from '../scripts/lib/paths.ts';
import { expandErrors, SpecError } from '../scripts/lib/expand-errors.ts';

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Lints a copy of openapi/ in which `file` has had `from` replaced by `to`. */
async function lintEdited(file: string, from: string, to: string): Promise<NormalizedProblem[]> {
  const dir = mkdtempSync(join(tmpdir(), 'contract-lint-'));
  copies.push(dir);
  cpSync(join(ROOT, 'openapi'), dir, { recursive: true });
  const text = readFileSync(join(dir, file), 'utf8');
  expect(text, `${file} contains the text to edit`).toContain(from);
  writeFileSync(join(dir, file), text.replace(from, to));
  const config = await loadRedoclyConfig();
  return (await lint({ ref: join(dir, 'openapi.yaml'), config: config.forAlias('source') })).filter((p) => p.severity === 'error');
}

/** Lints a copy of the bundle after `edit` changed its document: the rules that see what the catalog added. */
async function lintBundleEdited(edit: (document: Bundle) => void): Promise<NormalizedProblem[]> {
  const dir = mkdtempSync(join(tmpdir(), 'contract-lint-bundle-'));
  copies.push(dir);
  const document = JSON.parse(readFileSync(join(ROOT, 'generated/openapi.json'), 'utf8')) as Bundle;
  edit(document);
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
  const config = await loadRedoclyConfig();
  return (await lint({ ref: join(dir, 'openapi.json'), config: config.forAlias('bundle') })).filter((p) => p.severity === 'error');
}
type Bundle = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

const where = (problem: NormalizedProblem) => {
  const location = getLineColLocation(problem.location[0]!);
  return { file: location.source.absoluteRef.split('/').slice(-2).join('/'), line: location.start.line };
};
const lineOf = (file: string, needle: string) =>
  readFileSync(join(ROOT, 'openapi', file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

describe('lint of openapi/', { timeout: 60_000 }, () => {
  it('is clean as committed', async () => {
    const config = await loadRedoclyConfig();
    const problems = await lint({ ref: join(ROOT, 'openapi/openapi.yaml'), config: config.forAlias('source') });
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([]);
  });

  it('reports an example that does not match its schema, at its file and line', async () => {
    const problems = await lintEdited('examples/customers/customer.yaml', '  livemode: false', '  livemode: "no"');
    const problem = problems.find((p) => p.ruleId === 'no-invalid-media-type-examples' && p.message.includes('livemode'));
    expect(problem?.message).toMatch(/livemode.*must be boolean/);
    // Reported where the example is used, with the pointer into it.
    expect(problem?.location[0]?.source.absoluteRef).toMatch(/examples\/customers\/customer\.yaml$|paths\/customers\//);
  });

  it('reports an unknown error code at the line that lists it', async () => {
    const file = 'paths/customers/customers.yaml';
    const problems = await lintEdited(file, '    - already_exists_id\n', '    - already_exsits_id\n');
    const problem = problems.find((p) => p.ruleId === 'contract/error-codes-known');
    expect(problem?.message).toBe("createCustomer: unknown error code 'already_exsits_id': it is not in openapi/errors/catalog.yaml");
    expect(where(problem!)).toEqual({ file: 'customers/customers.yaml', line: lineOf(file, '    - already_exists_id') });
  });

  it('reports an x-errors entry that is neither a code nor {code: reason} at its line', async () => {
    const file = 'paths/customers/customers.yaml';
    const problems = await lintEdited(file, '    - already_exists_id\n', '    - already_exists_id: 3\n');
    const problem = problems.find((p) => p.ruleId === 'contract/error-codes-known');
    expect(problem?.message).toMatch(/^createCustomer: an x-errors entry is a code the client names for this operation, or \{code: why we add it\}/);
    expect(where(problem!)).toEqual({ file: 'customers/customers.yaml', line: lineOf(file, '    - already_exists_id') });
  });

  it('asks every schema constraint and webhook for its evidence, at its line', async () => {
    const file = 'components/parameters/common/Limit.yaml';
    const missing = await lintEdited(file, '    maximum: {source: client, reason:', '    maxima: {source: client, reason:');
    expect(
      missing
        .filter((p) => p.ruleId === 'contract/evidence-on-rules')
        .map((p) => p.message)
        .sort(),
    ).toEqual(['a schema constraint: x-evidence.maxima has no rule to back (the node has no maxima)', 'a schema constraint: x-evidence.maximum is missing']);
    const unreasoned = await lintEdited(
      file,
      / {4}minimum: \{source: client, reason: .*\}/.exec(readFileSync(join(ROOT, 'openapi', file), 'utf8'))![0],
      '    minimum: {source: inferred}',
    );
    const problem = unreasoned.find((p) => p.ruleId === 'contract/evidence-on-rules');
    expect(problem?.message).toBe('a schema constraint: x-evidence.minimum is inferred: say why in a reason');
    expect(where(problem!)).toEqual({ file: 'common/Limit.yaml', line: lineOf(file, '    minimum: {source: client') });
    const webhook = await lintEdited(
      'webhooks/checkout.session.expired.yaml',
      '  x-evidence:\n    event_type:\n      source: inferred',
      '  x-evidence:\n    event_type:\n      source: rumour',
    );
    expect(webhook.find((p) => p.ruleId === 'contract/evidence-on-rules')?.message).toBe(
      'webhook eventCheckoutSessionExpired: x-evidence.event_type source must be one of published, client, incident, inferred (got "rumour")',
    );
  }, 60_000);

  it('reports a broken $ref at its file and line', async () => {
    const file = 'paths/customers/customers@{customer_id}.yaml';
    const problems = await lintEdited(file, 'customers/CustomerUpdateRequest.yaml', 'customers/CustomerUpdateReqest.yaml');
    const problem = problems.find((p) => p.ruleId === 'no-unresolved-refs');
    expect(problem?.message).toMatch(/Can't resolve \$ref/);
    expect(where(problem!)).toEqual({ file: 'customers/customers@{customer_id}.yaml', line: lineOf(file, 'customers/CustomerUpdateRequest.yaml') });
  });

  it('refuses a literal time in a request example, at its line', async () => {
    const file = 'paths/checkout_sessions/checkout@sessions.yaml';
    const problems = await lintEdited(file, '              locale: ja\n', '              expires_at: "2026-11-24T03:00:00Z"\n              locale: ja\n');
    const problem = problems.find((p) => p.ruleId === 'contract/no-time-in-request-example');
    expect(problem?.message).toBe(
      'a request example holds the literal time 2026-11-24T03:00:00Z at examples/checkout_session/expires_at: it goes stale; leave the field out of the example (clients compute times from now)',
    );
    expect(where(problem!).file).toBe('checkout_sessions/checkout@sessions.yaml');
  });

  it('refuses a POST without the Idempotency-Key parameter, at the operation', async () => {
    const file = 'paths/customers/customers.yaml';
    const problems = await lintEdited(file, '    - $ref: ../../components/parameters/common/IdempotencyKey.yaml\n', '');
    const problem = problems.find((p) => p.ruleId === 'contract/idempotency-key-on-writes');
    expect(problem?.message).toBe('createCustomer: a POST needs the Idempotency-Key header parameter');
    expect(where(problem!).file).toBe('customers/customers.yaml');
  });

  it('refuses a success response without an example', async () => {
    const file = 'paths/customers/customers.yaml';
    const problems = await lintEdited(file, '          examples:\n            customer:\n              $ref: ../../examples/customers/customer.yaml\n', '\n');
    const problem = problems.find((p) => p.ruleId === 'contract/success-example');
    expect(problem?.message).toBe('a success response needs an example');
    expect(where(problem!).file).toBe('customers/customers.yaml');
  });

  it('refuses a number without bounds, at the field', async () => {
    const file = 'components/schemas/checkout_sessions/LineItemRequest.yaml';
    const problems = await lintEdited(file, '    maximum: 9999999\n', '');
    const problem = problems.find((p) => p.ruleId === 'contract/number-bounds');
    expect(problem?.message).toBe(
      'a number without maximum: give the bounds the API has, with their evidence in x-evidence (published, client, or inferred and why)',
    );
    expect(where(problem!)).toEqual({ file: 'checkout_sessions/LineItemRequest.yaml', line: lineOf(file, '  quantity:') });
  });

  it('refuses constraints beside a $ref without their evidence, at the field (Redocly hands rules the referenced schema alone)', async () => {
    const file = 'components/schemas/prices/PriceCreateRequest.yaml';
    const problems = await lintEdited(file, '    x-evidence:\n      minimum: {source: client,', '    x-not-evidence:\n      minimum: {source: client,');
    const problem = problems.find((p) => p.ruleId === 'contract/evidence-on-rules');
    expect(problem?.message).toBe(
      'a schema constraint beside $ref needs x-evidence: {minimum: {source, reason}, maximum: {source, reason}} (source: published, client, incident, inferred)',
    );
    expect(where(problem!)).toEqual({ file: 'prices/PriceCreateRequest.yaml', line: lineOf(file, '  unit_amount:') });
  });

  it('refuses a number typed beside a $ref without bounds', async () => {
    const file = 'components/schemas/prices/PriceCreateRequest.yaml';
    const problems = await lintEdited(file, '    $ref: ../common/Currency.yaml\n', '    $ref: ../common/Currency.yaml\n    type: integer\n');
    expect(problems.filter((p) => p.ruleId === 'contract/number-bounds').map((p) => [p.message, where(p)])).toEqual([
      [
        'a number without minimum and maximum: give the bounds the API has, with their evidence in x-evidence (published, client, or inferred and why)',
        { file: 'prices/PriceCreateRequest.yaml', line: lineOf(file, '  currency:') },
      ],
    ]);
  });

  it('refuses a request example without a name', async () => {
    const problems = await lintEdited(
      'paths/tax_rates/tax_rates.yaml',
      '        examples:\n          tax_rate:\n            summary: The reduced consumption tax rate, included in prices\n            value:\n',
      '        example:\n',
    );
    expect(problems.filter((p) => p.ruleId === 'contract/named-request-examples').map((p) => p.message)).toContain(
      'createTaxRate: a request example needs a name: write it under examples, named as the response example it produces',
    );
  });

  it('refuses a request example named as no success example', async () => {
    const problems = await lintEdited(
      'paths/customers/customers.yaml',
      '          customer:\n            summary: A customer with an email address\n',
      '          new_customer:\n            summary: A customer with an email address\n',
    );
    expect(problems.find((p) => p.ruleId === 'contract/named-request-examples')?.message).toBe(
      "createCustomer: request example 'new_customer' names no response example of the operation (successes: customer; errors: their codes): name it as the answer it produces",
    );
  });

  it('refuses a success example without its request, in the body or in a path parameter', async () => {
    const body = await lintEdited(
      'paths/customers/customers@{customer_id}.yaml',
      '          customer:\n            summary: A new email address\n',
      '          renamed:\n            summary: A new email address\n',
    );
    expect(body.filter((p) => p.ruleId === 'contract/named-request-examples').map((p) => p.message)).toContain(
      "updateCustomer: success example 'customer' has no request example of that name in the request body: example-driven tools then send a body of their own making",
    );
    const file = 'components/parameters/customers/CustomerId.yaml';
    const parameter = await lintEdited(file, '  deleted: {summary: "A customer to delete", value: cus_5Lr8Tw2Zk7}\n', '');
    const problem = parameter.find((p) => p.ruleId === 'contract/named-request-examples');
    expect(problem?.message).toBe(
      "deleteCustomer: success example 'deleted' has no example of that name in path parameter customer_id: example-driven tools then invent the ID",
    );
    expect(where(problem!)).toEqual({ file: 'customers/CustomerId.yaml', line: lineOf(file, 'examples:') });
  });

  it('refuses a request named in one parameter and missing from a path parameter', async () => {
    const problems = await lintEdited(
      'components/parameters/customers/CustomerId.yaml',
      / {2}resource_missing: .*\n/.exec(readFileSync(join(ROOT, 'openapi/components/parameters/customers/CustomerId.yaml'), 'utf8'))![0],
      '',
    );
    expect(problems.find((p) => p.ruleId === 'contract/named-request-examples')?.message).toBe(
      "getCustomerPaymentMethods: request 'resource_missing' has no example of that name in path parameter customer_id: example-driven tools then invent the ID",
    );
  });

  it('refuses a parameter example named as no response example of its operations, at its line', async () => {
    const file = 'components/parameters/customers/CustomerId.yaml';
    const problems = await lintEdited(file, 'examples:\n', 'examples:\n  custmer: {value: cus_taro_yamada}\n');
    const problem = problems.find((p) => p.ruleId === 'contract/named-request-examples');
    expect(problem?.message).toBe("parameter customer_id: example 'custmer' is named as no response example of the operations that use it");
    expect(where(problem!)).toEqual({ file: 'customers/CustomerId.yaml', line: lineOf(file, 'examples:') + 1 });
  });

  it('refuses an example naming an object a fresh sandbox does not hold, at its line', async () => {
    const file = 'components/parameters/customers/CustomerId.yaml';
    const problems = await lintEdited(
      file,
      '  customer: {summary: "A customer", value: cus_taro_yamada}',
      '  customer: {summary: "A customer", value: cus_taro_yamda}',
    );
    const problem = problems.find((p) => p.ruleId === 'contract/example-ids-seeded');
    expect(problem?.message).toBe(
      "example 'customer' names cus_taro_yamda, which a fresh sandbox does not hold: name an object of contract-core/example-objects.ts, or add it there and to sandbox/seed.ts",
    );
    expect(where(problem!)).toEqual({ file: 'customers/CustomerId.yaml', line: lineOf(file, '  customer: {') });
  });

  it('refuses a not_found example naming only objects that exist', async () => {
    const problems = await lintEdited(
      'paths/payment_refunds/payment_refunds.yaml',
      '            payment_flow_id: pfw_missing',
      '            payment_flow_id: pfw_5Rk2Mq8Hn1',
    );
    expect(problems.find((p) => p.ruleId === 'contract/example-ids-seeded')?.message).toBe(
      "createPaymentRefund: request 'not_found' names only objects a fresh sandbox holds: it must name one that does not exist",
    );
  });

  it('refuses a relation between fields stated in words only', async () => {
    const file = 'components/schemas/payment_methods/PaymentMethodCardBillingDetailsRequest.yaml';
    const text = readFileSync(join(ROOT, 'openapi', file), 'utf8');
    const anyOf = text.slice(text.indexOf('anyOf:'), text.indexOf('properties:\n  name:'));
    const problems = await lintEdited(file, anyOf, '');
    const problem = problems.find((p) => p.ruleId === 'contract/relations-in-schema');
    expect(problem?.message).toBe(
      'property phone: the description states a relation ("This or `email` is required") the schema does not: add its anyOf/oneOf/if/not/dependentRequired/dependentSchemas counterpart',
    );
    expect(where(problem!).file).toBe('payment_methods/PaymentMethodCardBillingDetailsRequest.yaml');
  });

  it('refuses a relation between query parameters without x-parameter-rules', async () => {
    const problems = await lintEdited('paths/customers/customers.yaml', '  x-parameter-rules:\n    - mutuallyExclusive: [starting_after, ending_before]\n', '');
    expect(problems.filter((p) => p.ruleId === 'contract/relations-in-schema').map((p) => p.message)).toEqual([
      'getAllCustomers: parameter starting_after\'s description states a relation ("Not together with") that x-parameter-rules does not',
      'getAllCustomers: parameter ending_before\'s description states a relation ("Not together with") that x-parameter-rules does not',
    ]);
  });

  it('refuses x-parameter-rules naming what is not a query parameter, or not in the vocabulary', async () => {
    const file = 'paths/customers/customers.yaml';
    const unknown = await lintEdited(file, 'mutuallyExclusive: [starting_after, ending_before]', 'mutuallyExclusive: [starting_after, ending_before, cursor]');
    expect(unknown.find((p) => p.ruleId === 'contract/relations-in-schema')?.message).toBe(
      "getAllCustomers: x-parameter-rules names 'cursor', which is not a query parameter of the operation",
    );
    const malformed = await lintEdited(file, 'mutuallyExclusive: [starting_after, ending_before]', 'exclusive: [starting_after, ending_before]');
    expect(malformed.find((p) => p.ruleId === 'contract/relations-in-schema')?.message).toMatch(
      /^getAllCustomers: x-parameter-rules\[0\] must be \{mutuallyExclusive: \[two or more parameter names\]\}/,
    );
  });

  it('refuses an error response written by hand', async () => {
    const problems = await lintEdited(
      'paths/customers/customers@{customer_id}.yaml',
      '    "200":\n      description: The deleted customer.',
      '    "404":\n      description: Gone.\n    "200":\n      description: The deleted customer.',
    );
    expect(problems.some((p) => p.ruleId === 'contract/error-codes-known' && /response 404 is written by hand/.test(p.message))).toBe(true);
  });
});

describe('lint of the bundle', { timeout: 60_000 }, () => {
  it('is clean as built', async () => {
    expect((await lintBundleEdited(() => {})).map((p) => p.message)).toEqual([]);
  });

  it('refuses an error answered as application/json instead of problem+json', async () => {
    const problems = await lintBundleEdited((doc) => {
      const response = doc.paths['/v2/payment_flows/{payment_flow_id}/confirm']!['post']!.responses['400']!;
      response.content = { 'application/json': response.content!['application/problem+json'] };
    });
    expect(problems.find((p) => p.ruleId === 'contract/problem-media-type')?.message).toBe(
      'error response 400 must have exactly application/problem+json content (has application/json)',
    );
  });

  it('refuses a request example named by a code the operation does not answer', async () => {
    const problems = await lintBundleEdited((doc) => {
      const media = (doc.paths['/v2/tax_rates']!['post'] as unknown as { requestBody: { content: Record<string, { examples: Record<string, unknown> }> } })
        .requestBody.content['application/json']!;
      media.examples['product_has_prices'] = { value: { display_name: 'x', inclusive: true, percentage: 8 } };
    });
    expect(problems.find((p) => p.ruleId === 'contract/named-request-examples')?.message).toBe(
      "createTaxRate: request example 'product_has_prices' names no response example of the operation (successes: tax_rate; errors: their codes): name it as the answer it produces",
    );
  });

  it('refuses an operation without one of the statuses every operation answers', async () => {
    // 403 and 400 as well: those statuses come from the catalog's `applies_to: every`, not from a list here.
    for (const status of ['429', '403', '400']) {
      const problems = await lintBundleEdited((doc) => delete doc.paths['/v2/customers/{customer_id}']!['get']!.responses[status]);
      expect(problems.find((p) => p.ruleId === 'contract/baseline-errors')?.message).toBe(`getCustomer: missing response ${status}`);
    }
  });
});

describe('removing a code from the catalog', () => {
  it('fails the build naming the operation that still lists it', () => {
    const text = readFileSync(CATALOG_FILE, 'utf8');
    const start = text.indexOf('  already_exists_id:');
    const end = text.indexOf('\n  resource_missing:');
    const catalog = parseCatalog(text.slice(0, start) + text.slice(end + 1), 'catalog.yaml');
    const doc = {
      paths: { '/v2/customers': { post: { operationId: 'createCustomer', 'x-errors': ['already_exists_id'], responses: {} } } },
      components: { schemas: { Problem: {}, ValidationProblem: {} }, headers: { 'Retry-After': {} } },
    };
    expect(() => expandErrors(doc, catalog)).toThrow(
      new SpecError("createCustomer: x-errors lists 'already_exists_id', which is not in openapi/errors/catalog.yaml"),
    );
    expect(loadCatalog().some((def) => def.code === 'already_exists_id')).toBe(true);
  });
});
