// The route table: every operation the sandbox answers, from the resource modules (one per API group).
import type { Route } from './route.ts';
import type { State } from '../state/state.ts';
import { balanceRoutes } from './balances.ts';
import { checkoutSessionRoutes } from './checkout-sessions.ts';
import { customerRoutes } from './customers.ts';
import { eventRoutes } from './events.ts';
import { paymentDisputeRoutes } from './payment-disputes.ts';
import { paymentFlowRoutes } from './payment-flows.ts';
import { paymentMethodConfigurationRoutes } from './payment-method-configurations.ts';
import { paymentMethodRoutes } from './payment-methods.ts';
import { paymentRefundRoutes } from './payment-refunds.ts';
import { paymentTransactionRoutes } from './payment-transactions.ts';
import { priceRoutes } from './prices.ts';
import { productRoutes } from './products.ts';
import { setupFlowRoutes } from './setup-flows.ts';
import { statementRoutes } from './statements.ts';
import { taxRateRoutes } from './tax-rates.ts';
import { termRoutes } from './terms.ts';

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
