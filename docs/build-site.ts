// npm run docs: the static docs site in docs/dist/ (reference + guides, error catalog, changelog: each in English and Japanese),
// built from openapi/ in memory so that it never lags behind the spec.
import { relative } from 'node:path';
import { buildDocs } from './lib/build.ts';
import { writeChangelogPage } from './lib/changelog-page.ts';
import { DIST } from './lib/paths.ts';
import { buildSpec } from '../scripts/lib/build-spec.ts';
import { runStep } from '../scripts/lib/run-step.ts';
import { ROOT } from '../contract-core/files.ts';

await runStep(async () => {
  const spec = await buildSpec();
  const japanese = await buildSpec(undefined, spec.catalog, 'ja');
  for (const file of [...(await buildDocs(spec, DIST, japanese)), ...(await writeChangelogPage(DIST, spec, japanese))])
    console.log(`wrote ${relative(ROOT, DIST)}/${file}`);
});
