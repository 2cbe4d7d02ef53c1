// Where the docs site's inputs and output live.
import { join } from 'node:path';
import { ROOT } from '../../contract-core/files.ts';

const DOCS = join(ROOT, 'docs');
export { GUIDES } from '../../scripts/lib/paths.ts';
/** The guides in Japanese: the same file names as GUIDES. */
export const GUIDES_JA = join(DOCS, 'guides/ja');
export const DIST = join(DOCS, 'dist');
export const SCREENSHOTS = join(ROOT, 'reports/screenshots');
