// 401 without credentials and with a malformed key. Authentication comes first: the example IDs do, whatever
// the target holds.
import { exampleParam } from '../../../contract-core/contract.ts';
import type { Run, Step } from '../step.ts';
import { pathParams, type CaseContext } from './context.ts';

/** Not a secret key at all (an unknown key of the right shape may be a new test account to a sandbox). */
export const MALFORMED_KEY = 'not_a_secret_key';

export function credentialCases(ctx: CaseContext): Step[] {
  const { op } = ctx;
  if (!op.responses.has('401')) return [];
  const unauthenticated = (authorization: string) => async (run: Run) => ({
    params: Object.fromEntries(pathParams(op).map((p) => [p.name, exampleParam(op, p.name)])),
    headers: { authorization },
    ...(op.requestBody ? { body: await ctx.body(run) } : {}),
  });
  const unauthorized = { operation: op, expectedStatus: 401, expectedCode: 'unauthorized', needsState: false } as const;
  return [
    { ...unauthorized, name: '401 no credentials', request: unauthenticated('') },
    { ...unauthorized, name: '401 malformed key', request: unauthenticated(`Bearer ${MALFORMED_KEY}`) },
  ];
}
