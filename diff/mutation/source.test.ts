import { expect, it } from 'vitest';
import { buildSpec } from '../../scripts/lib/build-spec.ts';
import { loadSource, versionOf } from './source.ts';

it("the proof's source, expanded by the build's expandErrors, is the bundle npm run bundle writes", async () => {
  const [source, built] = await Promise.all([loadSource(), buildSpec()]);
  expect(versionOf('source', source).document).toEqual(built.document);
});
