// Where things live, relative to the project root, so that every step agrees.
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SPEC_ROOT = join(ROOT, 'openapi/openapi.yaml');
export const CATALOG_FILE = join(ROOT, 'openapi/errors/catalog.yaml');
export const REDOCLY_CONFIG = join(ROOT, 'redocly.yaml');
export const GENERATED = join(ROOT, 'generated');
