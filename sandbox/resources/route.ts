// What a resource module declares: its operations, each with the handler that answers it.
import type { State } from '../state/state.ts';

export interface ApiRequest {
  /** Path parameters by name, e.g. `customer_id`. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body; `{}` when an operation with an optional body got none. */
  body: unknown;
  /** The request path, without the query: the list `url` and the problem `instance`. */
  path: string;
  state: State;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** The path template as in the spec, e.g. `/v2/customers/{customer_id}`. */
  path: string;
  operationId: string;
  /** Whether the operation takes a JSON body (and whether it must have one). */
  body?: 'required' | 'optional';
  /** Answers the 200 body, or throws an ApiError. */
  handle(request: ApiRequest): unknown;
}
