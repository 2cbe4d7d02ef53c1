// The bundled spec as the build tests read it: generated/openapi.json, loosely typed for reaching into.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED } from '../../scripts/lib/paths.ts';

export type Json = Record<string, any>;

export const bundle: Json = JSON.parse(readFileSync(join(GENERATED, 'openapi.json'), 'utf8'));

/** Follows `#/components/...` references of the bundle. */
export const deref = (node: Json): Json =>
  typeof node?.['$ref'] === 'string' ? deref(node['$ref'].slice(2).split('/').reduce((n: Json, k: string) => n[k], bundle)) : node;
