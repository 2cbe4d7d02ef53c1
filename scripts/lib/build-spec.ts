// openapi/ → one OpenAPI document: Redocly bundles the files, then the catalog adds the error responses.
import { bundle, loadConfig, type Config } from '@redocly/openapi-core';
import { loadCatalog, type ErrorDefinition } from './catalog.ts';
import { expandErrors } from './expand-errors.ts';
import { REDOCLY_CONFIG, SPEC_ROOT } from './paths.ts';

export const loadRedoclyConfig = (): Promise<Config> => loadConfig({ configPath: REDOCLY_CONFIG });

export interface BuiltSpec {
  document: Record<string, unknown>;
  catalog: ErrorDefinition[];
}

/** Builds from openapi/; a `catalog` given replaces the file's (tests build from edited copies). */
export async function buildSpec(config?: Config, catalog: ErrorDefinition[] = loadCatalog()): Promise<BuiltSpec> {
  const { bundle: result } = await bundle({
    ref: SPEC_ROOT,
    config: (config ?? (await loadRedoclyConfig())).forAlias('source'),
    dereference: false,
  });
  const document = structuredClone(result.parsed) as Record<string, unknown>;
  return { document: expandErrors(document, catalog), catalog };
}
