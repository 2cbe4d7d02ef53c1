// npm run docs: the static docs site in docs/dist/ (reference + guides, error catalog, changelog: each in
// English and Japanese), built from openapi/ in memory so that it never lags behind the spec; kept as it is
// while its inputs are unchanged (docs/lib/site.ts), rebuilt with `-- --force`.
import { relative } from 'node:path';
import { siteOnce } from './lib/site.ts';
import { DIST } from './lib/paths.ts';
import { runStep } from '../scripts/lib/run-step.ts';
import { ROOT } from '../contract-core/files.ts';

await runStep(async () => {
  const written = await siteOnce({ rebuild: process.argv.includes('--force') });
  for (const file of written) console.log(`wrote ${relative(ROOT, DIST)}/${file}`);
  if (written.length === 0) console.log(`${relative(ROOT, DIST)}/ is up to date with its inputs (\`npm run docs -- --force\` rebuilds it)`);
});
