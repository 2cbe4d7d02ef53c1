// payjp-v2-contract/client: a typed client over the generated types (openapi-fetch), whose `error` is typed
// by the operation called: one member per code it may answer, so that `error.code` or `error.status` narrows
// it, and comparing `error.code` with a code the operation never answers does not type-check.
import createClient, { type ClientOptions, type FetchResponse, type MaybeOptionalInit, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/api.d.ts';
import type { OperationAt } from '../generated/operations.ts';
import type { ProblemOf } from './problems.ts';

type Method = 'get' | 'post' | 'delete';
/** The path templates that have method M. */
export type PathsWith<M extends Method> = { [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never }[keyof paths];
type RequiredKeysOf<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** The options argument, required when the operation has required parameters or a required body (as openapi-fetch). */
type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];

/** What a call resolves to: the success body, or the problem the operation at M and P answered. */
export type PayjpResult<M extends Method, P extends PathsWith<M>, Init> =
  | { data: NonNullable<FetchResponse<paths[P][M] & Record<string | number, unknown>, Init, `${string}/${string}`>['data']>; error?: never; response: Response }
  | { data?: never; error: ProblemOf<OperationAt<M, P>>; response: Response };

type Call<M extends Method> = <P extends PathsWith<M>, Init extends MaybeOptionalInit<paths[P], M>>(
  path: P,
  ...init: InitParam<Init>
) => Promise<PayjpResult<M, P, Init>>;

export interface PayjpClient {
  GET: Call<'get'>;
  POST: Call<'post'>;
  DELETE: Call<'delete'>;
  /** openapi-fetch middleware (logging, retries, an Idempotency-Key of your own). */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
}

export interface PayjpClientOptions extends ClientOptions {
  /** Where the API is: your mock, sandbox or staging, or PAY.JP. No default, so that nothing is sent by accident. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …`; never logged. */
  secretKey?: string;
}

export function createPayjpClient({ secretKey, ...options }: PayjpClientOptions): PayjpClient {
  if (!options.baseUrl) throw new Error('createPayjpClient: baseUrl is required (the mock, the sandbox, staging or PAY.JP)');
  const client = createClient<paths>(options);
  // The key on every request that brings no Authorization of its own, whatever form `headers` was given in.
  if (secretKey !== undefined) {
    client.use({
      onRequest: ({ request }) => {
        if (!request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${secretKey}`);
        return request;
      },
    });
  }
  // The same object openapi-fetch makes: only the type of `error` differs.
  return client as unknown as PayjpClient;
}

export { isProblem, isProblemOf, type CodeOf, type Problem, type ProblemOf, type ProblemWith } from './problems.ts';
export type { OperationAt } from '../generated/operations.ts';
