// For the tests of each lint rule: a small document, linted in memory with that one rule of ours.
import { createConfig, getLineColLocation, lintFromString } from '@redocly/openapi-core';
import { stringify } from 'yaml';
import { REDOCLY_CONFIG } from '../../scripts/lib/paths.ts';

const PLUGIN = new URL('../../scripts/lib/lint-rules/index.ts', import.meta.url).pathname;

export interface Found {
  message: string;
  /** Where it is reported: the JSON pointer into the document, and its line. */
  pointer: string;
  line: number;
}

/** Lints `document` (an OpenAPI 3.1 document as an object) with `contract/<rule>` alone. */
export async function lintWith(rule: string, document: object): Promise<Found[]> {
  const config = await createConfig({ plugins: [PLUGIN], rules: { [`contract/${rule}`]: 'error' } }, { configPath: REDOCLY_CONFIG });
  const problems = await lintFromString({ source: stringify(document, { aliasDuplicateObjects: false }), absoluteRef: '/openapi.yaml', config });
  return problems.map((problem) => ({
    message: problem.message,
    pointer: problem.location[0]!.pointer ?? '',
    line: getLineColLocation(problem.location[0]!).start.line,
  }));
}

/** The messages alone. */
export const messagesOf = async (rule: string, document: object): Promise<string[]> => (await lintWith(rule, document)).map((found) => found.message);

/** A document with these paths (and components), the rest as small as OpenAPI allows. */
export const spec = (paths: object, extra: object = {}): object => ({ openapi: '3.1.0', info: { title: 'test', version: '1' }, paths, ...extra });

/** A JSON response with a named example. */
export const ok = (name = 'thing', value: unknown = { id: 'x' }) => ({
  '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, examples: { [name]: { value } } } } },
});

/** A request body with named examples. */
export const body = (examples: Record<string, unknown>) => ({
  content: { 'application/json': { schema: { type: 'object' }, examples: Object.fromEntries(Object.entries(examples).map(([n, value]) => [n, { value }])) } },
});
