// The named checks, in the order they run, and how a selection of them is read.
import { contentTypeConformance } from './content-type.ts';
import { errorCodeConformance } from './error-code.ts';
import { problemDetailsConformance } from './problem-details.ts';
import { responseHeadersConformance } from './response-headers.ts';
import { responseSchemaConformance } from './response-schema.ts';
import { statusCodeConformance } from './status-code.ts';

export const CHECKS = [
  statusCodeConformance,
  contentTypeConformance,
  responseHeadersConformance,
  responseSchemaConformance,
  errorCodeConformance,
  problemDetailsConformance,
] as const;

export type CheckName = (typeof CHECKS)[number]['name'];

/**
 * Not a check that can be turned off: an answer to a request the contract has no operation for cannot be
 * judged by any other check, so it is a violation of its own.
 */
export const KNOWN_OPERATION = 'known_operation';

export const CHECK_NAMES: readonly CheckName[] = CHECKS.map((check) => check.name);

const isCheckName = (name: string): name is CheckName => (CHECK_NAMES as readonly string[]).includes(name);

/**
 * The checks to run from two comma-separated lists of names (either may be empty or absent): all of them,
 * or only `include`'s, less `exclude`'s. An unknown name is refused with the known ones, where it was given.
 */
export function selectChecks(include: string | undefined, exclude: string | undefined, where = { include: 'include', exclude: 'exclude' }): CheckName[] {
  const read = (list: string | undefined, label: string): CheckName[] | undefined => {
    const names = (list ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    if (names.length === 0) return undefined;
    for (const name of names) {
      if (!isCheckName(name)) throw new Error(`${label}: unknown check '${name}' (the checks: ${CHECK_NAMES.join(', ')})`);
    }
    return names as CheckName[];
  };
  const included = read(include, where.include) ?? [...CHECK_NAMES];
  const excluded = new Set(read(exclude, where.exclude) ?? []);
  return CHECK_NAMES.filter((name) => included.includes(name) && !excluded.has(name));
}
