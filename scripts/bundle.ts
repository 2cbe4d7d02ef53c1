// npm run bundle: openapi/ → generated/openapi.yaml and .json.
import { buildSpec } from './lib/build-spec.ts';
import { bundleOutputs } from './lib/outputs.ts';
import { runStep } from './lib/run-step.ts';
import { writeOutputs } from './lib/write-outputs.ts';

await runStep(async () => writeOutputs(bundleOutputs(await buildSpec())));
