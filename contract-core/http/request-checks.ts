// The checks the API makes on a request before an operation runs, in the order it makes them: the first that
// fails answers, and what a later check would have said is never told. One table, which the mock's front
// (mock/front.ts) and the sandbox (sandbox/http/app.ts) both run through `inOrder`, each with its own way of
// making a check (the rules themselves are the modules beside this one and in contract-core/); the rows of
// tests/parity/request-cases.ts prove the two answer alike.
//
// Why this order (our inference, as PAY.JP publishes none; tests/parity/request-cases.ts gives each row's
// source): a request that is not HTTP the server reads is answered first; without a valid key nothing else
// is told (not even whether the path exists); then what the request asks for, before what it carries.

export const REQUEST_CHECKS = [
  { check: 'target', what: 'the request target: a path (origin or absolute form), or `*` for OPTIONS', refuses: 'invalid_request' },
  { check: 'key', what: 'a test key in the Authorization field (credentials.ts)', refuses: 'unauthorized' },
  { check: 'route', what: 'an operation has this method and path', refuses: 'not_found (with Allow naming the methods the path has)' },
  { check: 'idempotency-key', what: 'the Idempotency-Key header keeps its format', refuses: 'invalid_idempotency_key' },
  { check: 'body', what: 'the body: media type, size, depth, JSON, card numbers (request-body.ts)', refuses: 'invalid_request, card_number_not_allowed' },
  { check: 'publishable-key', what: 'a publishable key only where the browser calls (credentials.ts)', refuses: 'unauthorized' },
  { check: 'query', what: 'no query parameter given empty (query.ts)', refuses: 'validation_error' },
] as const;

export type RequestCheck = (typeof REQUEST_CHECKS)[number]['check'];

/** What a step returns (or resolves to) when it has answered the request itself: the steps after it are not run. */
export const ANSWERED = 'answered';

/** A server's step: ANSWERED (or a promise of it) when it answered the request, anything else to go on. */
export type Step<R> = (request: R) => unknown;

/**
 * A server's steps in the table's order: its make of every check (`checks`, one for each, or the typecheck
 * fails), each followed by the server's own steps that belong after it (`after`: the sandbox's rate limit
 * after the key, the mock's CORS preflight after the target). Built once, when the server starts.
 */
export function inOrder<S>(checks: { readonly [C in RequestCheck]: S }, after: { readonly [C in RequestCheck]?: readonly S[] } = {}): S[] {
  return REQUEST_CHECKS.flatMap(({ check }) => [checks[check], ...(after[check] ?? [])]);
}

/** Runs `steps` in order until one answers: whether one did. A step that returns no promise is not awaited. */
export async function answeredBy<R>(steps: readonly Step<R>[], request: R): Promise<boolean> {
  for (const step of steps) {
    const outcome = step(request);
    if ((outcome instanceof Promise ? await outcome : outcome) === ANSWERED) return true;
  }
  return false;
}
