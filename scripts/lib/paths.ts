// Where things live, relative to the project root, so that every step agrees.
import { join } from 'node:path';
import { ROOT } from '../../contract-core/files.ts';

export { ROOT };
export const SPEC_ROOT = join(ROOT, 'openapi/openapi.yaml');
export const CATALOG_FILE = join(ROOT, 'openapi/errors/catalog.yaml');
export const REDOCLY_CONFIG = join(ROOT, 'redocly.yaml');
export const GENERATED = join(ROOT, 'generated');
/** The docs' guides (docs/guides/*.md) and their translations (docs/guides/<language>/). */
export const GUIDES = join(ROOT, 'docs/guides');
