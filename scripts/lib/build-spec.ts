// openapi/ → one OpenAPI document: Redocly bundles the files (from the files alone: local-refs.ts; applying a
// language's overlay when one is asked for), then the catalog adds the error responses.
import { bundle, loadConfig, type Config } from '@redocly/openapi-core';
import { loadCatalog, type ErrorDefinition } from './catalog.ts';
import { expandErrors } from './expand-errors.ts';
import { FilesOnlyResolver, refErrors } from './local-refs.ts';
import { REDOCLY_CONFIG, SPEC_ROOT } from './paths.ts';
import { type Language, localizeErrors, overlayFile } from './translations.ts';

export const loadRedoclyConfig = (): Promise<Config> => loadConfig({ configPath: REDOCLY_CONFIG });

export interface BuiltSpec {
  document: Record<string, unknown>;
  catalog: ErrorDefinition[];
}

/** Builds from openapi/; a `catalog` given replaces the file's (tests build from edited copies); a `language`
 *  other than English applies openapi/overlays/<language>.yaml. */
export async function buildSpec(config?: Config, catalog: ErrorDefinition[] = loadCatalog(), language?: Language): Promise<BuiltSpec> {
  const loaded = config ?? (await loadRedoclyConfig());
  const { bundle: result, problems } = await bundle({
    ref: SPEC_ROOT,
    config: loaded.forAlias('source'),
    dereference: false,
    externalRefResolver: new FilesOnlyResolver(loaded),
    overlays: language ? [overlayFile(SPEC_ROOT, language)] : [],
  });
  const errors = refErrors(problems);
  if (errors.length > 0) throw new Error(`openapi/ cannot be bundled:\n${errors.join('\n')}`);
  const overlayProblems = problems.filter((problem) => problem.ruleId === 'overlay');
  if (overlayProblems.length > 0) throw new Error(`${overlayFile(SPEC_ROOT, language!)}: ${overlayProblems.map((p) => p.message).join('; ')}`);
  const document = expandErrors(structuredClone(result.parsed) as Record<string, unknown>, catalog);
  return { document: language ? localizeErrors(document, catalog, language) : document, catalog };
}
