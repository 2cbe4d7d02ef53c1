// The route table: every operation the sandbox answers, from the resource modules (one per API group).
import type { Route } from './http/route.ts';
import type { State } from './state.ts';
import { balanceRoutes } from './resources/balances.ts';
import { checkoutSessionRoutes } from './resources/checkout-sessions.ts';
import { customerRoutes } from './resources/customers.ts';
import { eventRoutes } from './resources/events.ts';
import { paymentDisputeRoutes } from './resources/payment-disputes.ts';
import { paymentFlowRoutes } from './resources/payment-flows.ts';
import { paymentMethodConfigurationRoutes } from './resources/payment-method-configurations.ts';
import { paymentMethodRoutes } from './resources/payment-methods.ts';
import { paymentRefundRoutes } from './resources/payment-refunds.ts';
import { paymentTransactionRoutes } from './resources/payment-transactions.ts';
import { priceRoutes } from './resources/prices.ts';
import { productRoutes } from './resources/products.ts';
import { setupFlowRoutes } from './resources/setup-flows.ts';
import { statementRoutes } from './resources/statements.ts';
import { taxRateRoutes } from './resources/tax-rates.ts';
import { termRoutes } from './resources/terms.ts';

export const ROUTES: readonly Route[] = [
  ...paymentFlowRoutes,
  ...paymentRefundRoutes,
  ...paymentMethodRoutes,
  ...setupFlowRoutes,
  ...checkoutSessionRoutes,
  ...productRoutes,
  ...priceRoutes,
  ...taxRateRoutes,
  ...customerRoutes,
  ...eventRoutes,
  ...balanceRoutes,
  ...statementRoutes,
  ...termRoutes,
  ...paymentDisputeRoutes,
  ...paymentTransactionRoutes,
  ...paymentMethodConfigurationRoutes,
];

const byOperation = new Map<string, Route>(ROUTES.map((route) => [route.operationId, route]));

/** Runs an operation inside the sandbox (hosted pages, seeding), as if it had been requested. */
export function call<T>(state: State, operationId: string, body: unknown, params: Record<string, string> = {}): T {
  const route = byOperation.get(operationId);
  if (!route) throw new Error(`sandbox: no route for ${operationId}`);
  return route.handle({ state, params, query: new URLSearchParams(), body, path: route.path }) as T;
}
