// openapi/ → one OpenAPI document: Redocly bundles the files (from the files alone: local-refs.ts), then the
// catalog adds the error responses.
import { bundle, loadConfig, type Config } from '@redocly/openapi-core';
import { loadCatalog, type ErrorDefinition } from './catalog.ts';
import { expandErrors } from './expand-errors.ts';
import { FilesOnlyResolver, refErrors } from './local-refs.ts';
import { REDOCLY_CONFIG, SPEC_ROOT } from './paths.ts';

export const loadRedoclyConfig = (): Promise<Config> => loadConfig({ configPath: REDOCLY_CONFIG });

export interface BuiltSpec {
  document: Record<string, unknown>;
  catalog: ErrorDefinition[];
}

/** Builds from openapi/; a `catalog` given replaces the file's (tests build from edited copies). */
export async function buildSpec(config?: Config, catalog: ErrorDefinition[] = loadCatalog()): Promise<BuiltSpec> {
  const loaded = config ?? (await loadRedoclyConfig());
  const { bundle: result, problems } = await bundle({
    ref: SPEC_ROOT,
    config: loaded.forAlias('source'),
    dereference: false,
    externalRefResolver: new FilesOnlyResolver(loaded),
  });
  const errors = refErrors(problems);
  if (errors.length > 0) throw new Error(`openapi/ cannot be bundled:\n${errors.join('\n')}`);
  const document = structuredClone(result.parsed) as Record<string, unknown>;
  return { document: expandErrors(document, catalog), catalog };
}
