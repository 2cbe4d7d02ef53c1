// What the customer does on the pages PAY.JP hosts (http/customer-pages.ts serves them), as operations of the
// API would do it: a card entered, a checkout session completed, a setup flow's card saved. The seed completes
// its session and setup flows the same way.
import type { CheckoutSession, PaymentFlow, PaymentMethod, SetupFlow } from '../state/model.ts';
import type { State } from '../state/state.ts';
import { assign } from './common.ts';
import { completeAction } from './payment-flows.ts';
import { call } from './routes.ts';
import { testCardDetails } from '../../contract-core/test-cards.ts';

/** The payment method of the test card `token`, as the page's card entry creates it. */
export const cardFromToken = (state: State, token: string, customerId: string | null): PaymentMethod =>
  call(state, 'createPaymentMethod', {
    type: 'card',
    card: testCardDetails(token, state.ids.now()),
    billing_details: { email: 'customer@example.jp' },
    ...(customerId ? { customer_id: customerId } : {}),
  });

/** What the hosted page does once the customer has entered the card of `token` (also the seed's complete session). */
export function completeCheckout(state: State, session: CheckoutSession, token: string): void {
  if (session.mode === 'payment' && session.customer_id === null) {
    // A payment method is only ever used with its customer: the page makes one for a guest.
    const guest = call<{ id: string }>(state, 'createCustomer', session.customer_email ? { email: session.customer_email } : {});
    assign(state, session, { customer_id: guest.id });
  }
  const method = cardFromToken(state, token, session.customer_id);
  if (session.mode === 'payment') {
    let flow = call<PaymentFlow>(state, 'createPaymentFlow', {
      amount: session.amount_total,
      currency: 'jpy',
      payment_method_id: method.id,
      customer_id: session.customer_id,
      confirm: true,
    });
    if (flow.status === 'requires_action') flow = completeAction(state, flow.id, true) ?? flow;
    assign(state, session, { payment_flow_id: flow.id });
  } else {
    const created = call<SetupFlow>(state, 'createSetupFlow', session.customer_id ? { customer_id: session.customer_id } : {});
    assign(state, session, { setup_flow_id: completeSetup(state, created, method).id });
  }
  assign(state, session, { status: 'complete' });
  state.emit('checkout.session.completed', session);
}

/** The card is saved: attached to the flow's customer (if it has one) and the flow succeeded (also the seed's). */
export function completeSetup(state: State, flow: SetupFlow, method: PaymentMethod): SetupFlow {
  if (flow.customer_id !== null && method.customer_id === null)
    call(state, 'attachPaymentMethod', { customer_id: flow.customer_id }, { payment_method_id: method.id });
  assign(state, flow, { payment_method_id: method.id, status: 'succeeded', next_action: null });
  state.emit('setup_flow.succeeded', flow);
  return flow;
}
