// npm run check: fails when generated/ is not what openapi/ builds to (someone edited one without the other).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSpec } from './lib/build-spec.ts';
import { bundleOutputs, genOutputs } from './lib/outputs.ts';
import { ROOT } from './lib/paths.ts';
import { runStep } from './lib/run-step.ts';

await runStep(async () => {
  const spec = await buildSpec();
  const expected = new Map([...bundleOutputs(spec), ...(await genOutputs(spec))]);
  const drifted = [...expected].filter(([file, text]) => {
    const path = join(ROOT, file);
    return !existsSync(path) || readFileSync(path, 'utf8') !== text;
  });
  if (drifted.length > 0) {
    console.error(`generated/ has drifted from openapi/ in:\n${drifted.map(([file]) => `  ${file}`).join('\n')}\nRun \`npm run build\` and commit the result.`);
    process.exitCode = 1;
  } else {
    console.log(`generated/ matches openapi/ (${expected.size} files).`);
  }
});
