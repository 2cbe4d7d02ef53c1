// Relations between an operation's query parameters, which OpenAPI cannot state (a parameter's schema sees
// only its own value): the `x-parameter-rules` vocabulary of the spec (openapi/README.md). Read here once, so
// that the mock, the contract runner and the lint rule take the same list the same way.
//
//   x-parameter-rules:
//     - mutuallyExclusive: [starting_after, ending_before]   # at most one of them in a request
//
// A request that breaks a rule answers `400 invalid_request` (the catalog's code for a request that cannot be
// read as meant), after the parameters' own checks (`422 validation_error`).

export interface ParameterRule {
  /** At most one of these parameters may be given. */
  mutuallyExclusive: string[];
}

export const PARAMETER_RULES_KEY = 'x-parameter-rules';
export const PARAMETER_RULE_CODE = 'invalid_request';

/**
 * The rules of an operation's `x-parameter-rules` value; throws naming `where` and the rule when the value is
 * not the vocabulary (an unknown relation, fewer than two names, a name that is not a string).
 */
export function readParameterRules(value: unknown, where: string): ParameterRule[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${where}: ${PARAMETER_RULES_KEY} must be a list of rules`);
  return value.map((rule: unknown, index) => {
    const keys = typeof rule === 'object' && rule !== null && !Array.isArray(rule) ? Object.keys(rule) : [];
    const names = (rule as { mutuallyExclusive?: unknown } | null)?.mutuallyExclusive;
    if (keys.length !== 1 || keys[0] !== 'mutuallyExclusive' || !Array.isArray(names) || names.length < 2 || !names.every((n) => typeof n === 'string')) {
      throw new Error(`${where}: ${PARAMETER_RULES_KEY}[${index}] must be {mutuallyExclusive: [two or more parameter names]}, got ${JSON.stringify(rule)}`);
    }
    return { mutuallyExclusive: names as string[] };
  });
}

/** The first rule the query breaks, with the parameters that break it; undefined when it keeps them all. */
export function breachOf(rules: readonly ParameterRule[], query: URLSearchParams): { rule: ParameterRule; given: string[]; detail: string } | undefined {
  for (const rule of rules) {
    const given = rule.mutuallyExclusive.filter((name) => query.has(name));
    if (given.length === 2) return { rule, given, detail: `Give ${given[0]} or ${given[1]}, not both.` };
    if (given.length > 2) return { rule, given, detail: `Give one of ${given.join(', ')}, not several.` };
  }
  return undefined;
}
