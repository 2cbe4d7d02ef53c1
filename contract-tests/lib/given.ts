// What a recipe needs to exist before its request: objects made through the API of the target (customers,
// payment methods from test tokens, payment flows brought to a status...), each made fresh for the case.
// Settings a recipe changes (a payment method type turned off) are undone by `cleanup`.
import { type Json, fillPath } from '../../contract-core/contract.ts';
import { Skip, setupBody, type RequestParts, type Run } from './step.ts';
import { testCardBody } from './test-tokens.ts';

export type FlowStatus = 'requires_payment_method' | 'requires_confirmation' | 'requires_capture' | 'succeeded' | 'canceled';
type Body = Record<string, unknown>;

export interface Given {
  run: Run;
  /** Sends an operation's request (by operationId) that must succeed; its answer. */
  call(operationId: string, parts?: RequestParts): Promise<Body>;
  customer(): Promise<string>;
  /** A card payment method of a test token (the successful one by default), attached to `customerId`. */
  card(token?: string, customerId?: string): Promise<string>;
  paypay(): Promise<string>;
  /** A card of a test token (the successful one by default) attached to a new customer. */
  attachedCard(token?: string): Promise<{ customer: string; method: string }>;
  detachedCard(): Promise<string>;
  /** A payment flow of 1,000 yen in `status`, paid where it needs it with a card of `token` and the card's customer. */
  flow(status: FlowStatus, token?: string): Promise<string>;
  /** A payment flow of a new customer, waiting for a payment method, and a card of that customer. */
  customerFlow(): Promise<{ flow: string; customer: string; method: string }>;
  /** A refund (in full) of a succeeded flow. */
  refund(): Promise<{ flow: string; refund: string }>;
  product(): Promise<string>;
  /** A price of AMOUNT yen of a new product. */
  price(): Promise<string>;
  /** A new product with a price of AMOUNT yen. */
  pricedProduct(): Promise<{ product: string; price: string }>;
  setupFlow(status: 'requires_payment_method' | 'canceled'): Promise<string>;
  /** The customer's side, through the sandbox's pages: a setup flow that saved a card for a new customer. */
  savedSetupFlow(): Promise<{ flow: string; customer: string; method: string }>;
  /** The customer's side, through the sandbox's pages: a checkout session the customer paid. */
  completedSession(): Promise<string>;
  /** Turns a payment method type off in the account's payment method configuration until `cleanup`. */
  turnOff(type: 'card' | 'paypay'): Promise<void>;
  cleanup(): Promise<void>;
}

export const AMOUNT = 1000;
export const payment = (extra: Body = {}): Body => ({ amount: AMOUNT, currency: 'jpy', ...extra });
/** A checkout session of one unit of a price. */
export const checkout = (priceId: string, extra: Body = {}): Body => ({
  mode: 'payment',
  line_items: [{ price_id: priceId, quantity: 1 }],
  success_url: 'https://shop.example.jp/done',
  ...extra,
});
/** An ID of no object, with the prefix of its kind (`cus_`...): what the target answers `not_found` or `resource_missing` for. */
export const unknownId = (prefix: string): string => `${prefix}contract_missing_0000`;

export function createGiven(run: Run): Given {
  const undo: (() => Promise<void>)[] = [];

  async function call(operationId: string, parts: RequestParts = {}): Promise<Body> {
    const op = run.contract.operations.find((o) => o.operationId === operationId);
    if (!op) throw new Skip(`${operationId} is not in the bundle`);
    const { response } = await run.client.send({
      method: op.method,
      path: fillPath(op, parts.params ?? {}),
      ...(parts.query ? { query: parts.query } : {}),
      ...(parts.headers ? { headers: parts.headers } : {}),
      ...(parts.body !== undefined ? { body: parts.body } : {}),
    });
    const body = setupBody(`setting up, ${op.label}`, response) as Body;
    if (response.status >= 300) throw new Error(`setting up, ${op.label} answered ${response.status}: ${response.text.slice(0, 300)}`);
    return body;
  }
  const id = async (operationId: string, parts?: RequestParts): Promise<string> => String((await call(operationId, parts))['id']);

  const customer = () => id('createCustomer', { body: { description: 'contract recipe' } });
  const card = (token = run.tokens.success, customerId?: string) => id('createPaymentMethod', { body: testCardBody(token, customerId) });
  const attachedCard = async (token = run.tokens.success) => {
    const owner = await customer();
    return { customer: owner, method: await card(token, owner) };
  };
  const product = () => id('createProduct', { body: { name: 'contract recipe product' } });
  const priceOf = (productId: string) => id('createPrice', { body: { product_id: productId, unit_amount: AMOUNT, currency: 'jpy' } });
  const price = async () => priceOf(await product());
  const flowParams = (flow: string) => ({ params: { payment_flow_id: flow } });

  async function flow(status: FlowStatus, token = run.tokens.success): Promise<string> {
    if (status === 'requires_payment_method' || status === 'canceled') {
      const created = await id('createPaymentFlow', { body: payment() });
      if (status === 'canceled') await call('cancelPaymentFlow', { ...flowParams(created), body: {} });
      return created;
    }
    // A payment method is given with the customer who holds it.
    const { customer: owner, method } = await attachedCard(token);
    const confirm = status !== 'requires_confirmation';
    return id('createPaymentFlow', {
      body: payment({ customer_id: owner, payment_method_id: method, confirm, ...(status === 'requires_capture' ? { capture_method: 'manual' } : {}) }),
    });
  }

  /** Follows a customer-side URL of the sandbox (no key: the customer's browser has none), on its origin only. */
  async function customerSide(url: string): Promise<void> {
    if (run.target.kind !== 'sandbox') throw new Skip(CUSTOMER_SIDE);
    if (new URL(url).origin !== new URL(run.target.baseUrl).origin)
      throw new Error(`the customer's page ${url} is not on the sandbox's origin ${run.target.baseUrl}`);
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(run.target.timeoutMs) });
    if (response.status >= 400) throw new Error(`the customer's page ${new URL(url).pathname} answered ${response.status}: ${await response.text()}`);
  }

  return {
    run,
    call,
    customer,
    card,
    paypay: () => id('createPaymentMethod', { body: { type: 'paypay' } }),
    attachedCard,
    detachedCard: async () => {
      const { method } = await attachedCard();
      await call('detachPaymentMethod', { params: { payment_method_id: method } });
      return method;
    },
    flow,
    customerFlow: async () => {
      const { customer: owner, method } = await attachedCard();
      return { flow: await id('createPaymentFlow', { body: payment({ customer_id: owner }) }), customer: owner, method };
    },
    refund: async () => {
      const paid = await flow('succeeded');
      return { flow: paid, refund: await id('createPaymentRefund', { body: { payment_flow_id: paid } }) };
    },
    product,
    price,
    pricedProduct: async () => {
      const made = await product();
      return { product: made, price: await priceOf(made) };
    },
    setupFlow: async (status) => {
      const created = await id('createSetupFlow', { body: {} });
      if (status === 'canceled') await call('cancelSetupFlow', { params: { setup_flow_id: created }, body: {} });
      return created;
    },
    savedSetupFlow: async () => {
      const owner = await customer();
      const created = await id('createSetupFlow', { body: { customer_id: owner } });
      await customerSide(`${run.target.baseUrl}/sandbox/setup/${created}?token=${encodeURIComponent(run.tokens.success)}`);
      const saved = await call('getSetupFlow', { params: { setup_flow_id: created } });
      return { flow: created, customer: owner, method: String(saved['payment_method_id']) };
    },
    completedSession: async () => {
      const session = await call('createCheckoutSession', { body: checkout(await price(), { cancel_url: 'https://shop.example.jp/cart' }) });
      await customerSide(`${String(session['url'])}${String(session['url']).includes('?') ? '&' : '?'}token=${encodeURIComponent(run.tokens.success)}`);
      return String(session['id']);
    },
    turnOff: async (type) => {
      const params = { payment_method_configuration_id: await run.idFor('payment_method_configuration_id') };
      const before = (await call('getPaymentMethodConfiguration', { params }))[type] as { display_preference?: { preference?: Json } } | undefined;
      const preference = before?.display_preference?.preference ?? 'none';
      const set = (value: Json) => call('updatePaymentMethodConfiguration', { params, body: { [type]: { display_preference: { preference: value } } } });
      undo.push(async () => void (await set(preference)));
      await set('off');
    },
    cleanup: async () => {
      for (const step of undo.splice(0).reverse()) await step();
    },
  };
}

const CUSTOMER_SIDE = "needs the customer's side (a browser on PAY.JP's page); only the sandbox serves it as plain requests (/sandbox/ pages)";
