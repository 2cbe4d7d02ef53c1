// npm run gen: the bundle → generated/api.d.ts (openapi-typescript), generated/error-catalog.ts and
// generated/operations.ts.
import { buildSpec } from './lib/build-spec.ts';
import { genOutputs } from './lib/outputs.ts';
import { runStep } from './lib/run-step.ts';
import { writeOutputs } from './lib/write-outputs.ts';

await runStep(async () => writeOutputs(await genOutputs(await buildSpec())));
