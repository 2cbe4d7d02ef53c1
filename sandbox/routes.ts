// The route table: every operation the sandbox answers, from the resource modules.
import type { Route } from './http/route.ts';
import type { State } from './state.ts';
import { accountRoutes } from './resources/account.ts';
import { catalogRoutes } from './resources/catalog.ts';
import { checkoutSessionRoutes } from './resources/checkout-sessions.ts';
import { customerRoutes } from './resources/customers.ts';
import { paymentFlowRoutes } from './resources/payment-flows.ts';
import { paymentMethodRoutes } from './resources/payment-methods.ts';
import { setupFlowRoutes } from './resources/setup-flows.ts';

export const ROUTES: readonly Route[] = [
  ...paymentFlowRoutes,
  ...paymentMethodRoutes,
  ...setupFlowRoutes,
  ...checkoutSessionRoutes,
  ...catalogRoutes,
  ...customerRoutes,
  ...accountRoutes,
];

const byOperation = new Map<string, Route>(ROUTES.map((route) => [route.operationId, route]));

/** Runs an operation inside the sandbox (hosted pages, seeding), as if it had been requested. */
export function call<T>(state: State, operationId: string, body: unknown, params: Record<string, string> = {}): T {
  const route = byOperation.get(operationId);
  if (!route) throw new Error(`sandbox: no route for ${operationId}`);
  return route.handle({ state, params, query: new URLSearchParams(), body, path: route.path }) as T;
}
