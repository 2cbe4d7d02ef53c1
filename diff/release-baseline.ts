// npm run release-baseline: the working tree becomes the last released version. Writes diff/baseline/ (the bundle
// and the catalog it was built from) and empties openapi/breaking-changes.yaml, whose entries were about the
// changes since the previous release. Run it when a version is released, and commit both.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../scripts/lib/paths.ts';
import { runStep } from '../scripts/lib/run-step.ts';
import { ACKNOWLEDGEMENTS_FILE } from './lib/acknowledgements.ts';
import { loadVersion } from './lib/load-version.ts';
import { BASELINE, writeSnapshot } from './lib/snapshot.ts';

await runStep(async () => {
  const version = await loadVersion(undefined, '--head');
  for (const file of writeSnapshot(BASELINE, version)) console.log(`wrote ${relative(ROOT, join(BASELINE, file))}`);
  const file = join(ROOT, ACKNOWLEDGEMENTS_FILE);
  const text = readFileSync(file, 'utf8');
  // Keep the file's explanation (its leading comment), drop the entries.
  writeFileSync(file, `${text.slice(0, text.search(/^acknowledged:/m))}acknowledged: []\n`);
  console.log(`emptied ${ACKNOWLEDGEMENTS_FILE}`);
});
