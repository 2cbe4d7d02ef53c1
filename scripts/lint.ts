// npm run lint: lints openapi/ (problems by file and line), then the bundle the catalog completes.
import { BaseResolver, formatProblems, lint, lintDocument, makeDocumentFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { stringify } from 'yaml';
import { buildSpec, loadRedoclyConfig } from './lib/build-spec.ts';
import { FilesOnlyResolver } from './lib/local-refs.ts';
import { unansweredCodes } from './lib/expand-errors.ts';
import { SPEC_ROOT } from './lib/paths.ts';

const config = await loadRedoclyConfig();
const report = (label: string, problems: NormalizedProblem[]): number => {
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (problems.length > 0) formatProblems(problems, { format: 'codeframe', totals: { errors, warnings: problems.length - errors, ignored: 0 }, version: '' });
  console.log(`${label}: ${errors} error(s), ${problems.length - errors} warning(s)`);
  return errors;
};

let errors = report('openapi/ (source)', await lint({ ref: SPEC_ROOT, config: config.forAlias('source'), externalRefResolver: new FilesOnlyResolver(config) }));
if (errors === 0) {
  try {
    const { document, catalog } = await buildSpec(config);
    const unanswered = unansweredCodes(document, catalog);
    unanswered.forEach((line) => console.error(line));
    errors += unanswered.length;
    // Lint the bundle exactly as it is written to generated/, so that locations match that file.
    const bundled = makeDocumentFromString(stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }), 'generated/openapi.yaml');
    errors += report('bundle', await lintDocument({ document: bundled, config: config.forAlias('bundle'), externalRefResolver: new BaseResolver() }));
  } catch (error) {
    console.error((error as Error).message);
    errors += 1;
  }
}
process.exitCode = errors > 0 ? 1 : 0;
