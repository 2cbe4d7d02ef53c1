// Our lint rules, as a Redocly plugin (named in redocly.yaml, so editors and `redocly lint` run them too), one
// module per rule as Redocly keeps its own, each with its test in tests/lint-rules/. Source rules see openapi/
// and report file and line; bundle rules see what the catalog added. A rule is registered by its line below
// (its module's name is its id) and switched on in redocly.yaml.
import type { Oas3Rule, Plugin } from '@redocly/openapi-core';

export const RULE_NAMES = [
  'error-codes-known',
  'idempotency-key-on-writes',
  'success-example',
  'no-time-in-request-example',
  'no-year-in-request-example',
  'number-bounds',
  'named-request-examples',
  'example-ids-seeded',
  'relations-in-schema',
  'problem-media-type',
  'baseline-errors',
  'evidence-on-rules',
  'translated-texts',
  'links-cover-ids',
] as const;

const rules = Object.fromEntries(
  await Promise.all(RULE_NAMES.map(async (name) => [name, ((await import(/* @vite-ignore */ `./${name}.ts`)) as { default: Oas3Rule }).default] as const)),
);

const plugin = (): Plugin => ({ id: 'contract', rules: { oas3: rules } });

export default plugin;
