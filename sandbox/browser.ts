// The customer's side, which real PAY.JP runs in the browser: 3-D Secure and PayPay approval pages, the
// hosted checkout page, card entry for a setup flow, and report downloads. Plain GET pages under
// /sandbox/, without API key, that move the objects on as a customer would (see sandbox/README.md).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_CATALOG } from '../generated/error-catalog.ts';
import { ApiError } from './http/problem.ts';
import type { CheckoutSession, PaymentFlow, PaymentMethod, SetupFlow } from './model.ts';
import { completeAction } from './resources/payment-flows.ts';
import { call } from './routes.ts';
import type { State } from './state.ts';
import { assign } from './resources/common.ts';
import { webhookPage } from './webhooks/pages.ts';

const cardFromToken = (state: State, token: string, customerId: string | null): PaymentMethod =>
  call(state, 'createPaymentMethod', {
    type: 'card',
    card: { number: token, exp_month: 12, exp_year: new Date().getUTCFullYear() + 5, cvc: '123' },
    billing_details: { email: 'customer@example.jp' },
    ...(customerId ? { customer_id: customerId } : {}),
  });

function page(res: ServerResponse, status: number, text: string, redirect?: string | null): void {
  if (redirect) {
    res.writeHead(303, { location: redirect, 'content-type': 'text/plain; charset=utf-8' });
    return void res.end(`${text}\n`);
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

export function handleBrowser(state: State, req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): void {
  const [, , kind = '', id = ''] = path.split('/');
  if (req.method !== 'GET') return page(res, 405, 'Only GET is served here.');
  const token = query.get('token') ?? 'tok_visa';
  try {
    switch (kind) {
      case 'three_d_secure':
      case 'paypay': {
        const flow = completeAction(state, id, query.get('result') !== 'failure');
        if (!flow) return page(res, 404, `No payment flow waiting for the customer: ${id}`);
        return page(res, 200, `Payment flow ${flow.id} is now ${flow.status}.`, flow.return_url);
      }
      case 'checkout':
        return checkout(state, res, id, token);
      case 'setup':
        return setup(state, res, id, token);
      case 'webhooks':
        return webhookPage(state, res, id, query);
      case 'downloads':
        res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
        return void res.end(`id,livemode\n${id.replace(/\.pdf$/, '')},false\n`);
      default:
        return page(res, 404, `Nothing here: ${path}`);
    }
  } catch (error) {
    if (error instanceof ApiError) return page(res, 402, `${error.code}: ${error.message}`);
    // A sandbox bug: answered, as the API's handlers are, rather than crashing the server.
    console.error('sandbox: unexpected error', error);
    page(res, 500, ERROR_CATALOG.internal_server_error.detail);
  }
}

/** The customer pays (mode payment) or saves a card (mode setup) with the card of `token`. */
function checkout(state: State, res: ServerResponse, id: string, token: string): void {
  const session = state.checkoutSessions.get(id);
  if (session?.status !== 'open') return page(res, 404, `No open checkout session: ${id}`);
  completeCheckout(state, session, token);
  page(res, 200, `Checkout session ${session.id} is complete.`, session.success_url);
}

/** What the hosted page does once the customer has entered the card of `token` (also the seed's complete session). */
export function completeCheckout(state: State, session: CheckoutSession, token: string): void {
  if (session.mode === 'payment' && session.customer_id === null) {
    // A payment method is only ever used with its customer: the page makes one for a guest.
    const guest = call<{ id: string }>(state, 'createCustomer', session.customer_email ? { email: session.customer_email } : {});
    assign(session, { customer_id: guest.id });
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
    assign(session, { payment_flow_id: flow.id });
  } else {
    const created = call<SetupFlow>(state, 'createSetupFlow', session.customer_id ? { customer_id: session.customer_id } : {});
    assign(session, { setup_flow_id: completeSetup(state, created, method).id });
  }
  assign(session, { status: 'complete' });
  state.emit('checkout.session.completed', session);
}

/** The card is saved: attached to the flow's customer (if it has one) and the flow succeeded (also the seed's). */
export function completeSetup(state: State, flow: SetupFlow, method: PaymentMethod): SetupFlow {
  if (flow.customer_id !== null && method.customer_id === null) call(state, 'attachPaymentMethod', { customer_id: flow.customer_id }, { payment_method_id: method.id });
  assign(flow, { payment_method_id: method.id, status: 'succeeded', next_action: null });
  state.emit('setup_flow.succeeded', flow);
  return flow;
}

/** The customer enters the card of `token` for a setup flow; a failing test card leaves the flow waiting. */
function setup(state: State, res: ServerResponse, id: string, token: string): void {
  const flow = state.setupFlows.get(id);
  if (!flow || (flow.status !== 'requires_payment_method' && flow.status !== 'requires_confirmation'))
    return page(res, 404, `No setup flow waiting for a card: ${id}`);
  const method = cardFromToken(state, token, null);
  const outcome = state.cardOf.get(method.id)?.outcome;
  if (outcome === 'card_declined' || outcome === 'processing_error' || outcome === 'three_d_secure_failed') {
    assign(flow, { last_setup_error: { code: outcome, payment_method_id: method.id } });
    state.emit('setup_flow.setup_failed', flow);
    return page(res, 402, `Setup flow ${flow.id} failed: ${outcome}.`);
  }
  completeSetup(state, flow, method);
  page(res, 200, `Setup flow ${flow.id} succeeded with ${method.id}.`, flow.return_url);
}
