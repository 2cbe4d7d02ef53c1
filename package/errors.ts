// payjp-v2-contract/errors: the error catalog (every code's status, title, type, retry policy, replay, evidence),
// the codes of each operation, and guards for problems.
export * from '../generated/error-catalog.ts';
export { isProblem, isProblemOf, type CodeOf, type Problem, type ProblemOf, type ProblemWith } from './problems.ts';
