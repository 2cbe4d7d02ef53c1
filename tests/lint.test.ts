// Lint catches what a hand edit can break, and says where: file and line. Each rule's cases are in
// tests/lint-rules/ on small documents; these lint the whole of openapi/ (or the bundle) once edited.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLineColLocation, lint, type NormalizedProblem } from '@redocly/openapi-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULE_NAMES } from '../scripts/lib/lint-rules/index.ts';
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

  it('reports an unknown error code at the line that lists it', async () => {
    const file = 'paths/customers/customers.yaml';
    const problems = await lintEdited(file, '    - already_exists_id\n', '    - already_exsits_id\n');
    const problem = problems.find((p) => p.ruleId === 'contract/error-codes-known');
    expect(problem?.message).toBe("createCustomer: unknown error code 'already_exsits_id': it is not in openapi/errors/catalog.yaml");
    expect(where(problem!)).toEqual({ file: 'customers/customers.yaml', line: lineOf(file, '    - already_exists_id') });
  });

  it('asks a schema constraint for its evidence, at its line', async () => {
    const file = 'components/parameters/common/Limit.yaml';
    const unreasoned = await lintEdited(
      file,
      / {4}minimum: \{source: client, reason: .*\}/.exec(readFileSync(join(ROOT, 'openapi', file), 'utf8'))![0],
      '    minimum: {source: inferred}',
    );
    const problem = unreasoned.find((p) => p.ruleId === 'contract/evidence-on-rules');
    expect(problem?.message).toBe('a schema constraint: x-evidence.minimum is inferred: say why in a reason');
    expect(where(problem!)).toEqual({ file: 'common/Limit.yaml', line: lineOf(file, '    minimum: {source: client') });
  });

  it('refuses the card example of createPaymentMethod with a year that passes, at its file', async () => {
    const file = 'paths/payment_methods/payment_methods.yaml';
    const problems = await lintEdited(file, '                exp_year: 9999\n', '                exp_year: 2030\n');
    const problem = problems.find((p) => p.ruleId === 'contract/no-year-in-request-example');
    expect(problem?.message).toMatch(/^a request example holds the literal year 2030 at examples\/card\/card\/exp_year: /);
    // At the example: its first line, under its name.
    expect(where(problem!)).toEqual({ file: 'payment_methods/payment_methods.yaml', line: lineOf(file, '          card:') + 1 });
  });

  it('reports a broken $ref at its file and line', async () => {
    const file = 'paths/customers/customers@{customer_id}.yaml';
    const problems = await lintEdited(file, 'customers/CustomerUpdateRequest.yaml', 'customers/CustomerUpdateReqest.yaml');
    const problem = problems.find((p) => p.ruleId === 'no-unresolved-refs');
    expect(problem?.message).toMatch(/Can't resolve \$ref/);
    expect(where(problem!)).toEqual({ file: 'customers/customers@{customer_id}.yaml', line: lineOf(file, 'customers/CustomerUpdateRequest.yaml') });
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
      "example 'customer' names cus_taro_yamda, which a fresh sandbox does not hold: name an object of contract-core/example-objects.ts, or add it there and to sandbox/resources/seed.ts",
    );
    expect(where(problem!)).toEqual({ file: 'customers/CustomerId.yaml', line: lineOf(file, '  customer: {') });
  });
});

describe('lint of the bundle', { timeout: 60_000 }, () => {
  it('is clean as built', async () => {
    expect((await lintBundleEdited(() => {})).map((p) => p.message)).toEqual([]);
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

describe('our rules', () => {
  it('are each a module registered in the plugin, switched on in redocly.yaml, with a test', () => {
    const dir = join(ROOT, 'scripts/lib/lint-rules');
    const helpers = ['index', 'common', 'request-parts', 'request-examples'];
    const modules = readdirSync(dir)
      .map((file) => file.replace(/\.ts$/, ''))
      .filter((name) => !helpers.includes(name));
    expect([...RULE_NAMES].sort()).toEqual(modules.sort());
    const config = parse(readFileSync(join(ROOT, 'redocly.yaml'), 'utf8')) as { rules: object; apis: Record<string, { rules?: object }> };
    const switchedOn = [config.rules, ...Object.values(config.apis).map((api) => api.rules ?? {})].flatMap((rules) => Object.keys(rules));
    for (const name of RULE_NAMES) expect(switchedOn, name).toContain(`contract/${name}`);
    const tested = readdirSync(join(ROOT, 'tests/lint-rules'));
    for (const name of RULE_NAMES) expect(tested, name).toContain(`${name}.test.ts`);
  });
});
