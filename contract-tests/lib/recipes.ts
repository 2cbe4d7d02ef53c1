// Recipes: how to reach, on a stateful target, a state in which an operation succeeds or answers a given
// error code, with ordinary requests and test payment methods only. One line each: what to make first
// (given.ts), then the request under test. Codes a request alone provokes (401, 404, 422...) are cases.ts's;
// codes that need the server's cooperation (429, 500, 503, idempotency_timeout) are provoke.ts's.
import { AMOUNT, type Given, checkout, payment, unknownId } from './given.ts';
import type { Evidence } from '../../contract-core/evidence.ts';
import type { RequestParts } from './step.ts';
import { testCardBody } from './test-tokens.ts';

export interface Recipe {
  operationId: string;
  /** The error code provoked; none for the success of an operation that needs an object in some status. */
  code?: string;
  request(given: Given): Promise<RequestParts>;
  /** Why the request should provoke the code, when that is our inference (a case of it is then graded by it). */
  evidence?: Evidence;
}

const flow = (id: string) => ({ payment_flow_id: id });
const method = (id: string) => ({ payment_method_id: id });
/** A payment of a card of `token` with its customer, confirmed at once. */
const paid = async (g: Given, token: string) => {
  const { customer, method: pm } = await g.attachedCard(token);
  return { body: payment({ customer_id: customer, payment_method_id: pm, confirm: true }) };
};
/** A card attached to a customer, with a payment flow that allows PayPay only. */
const TYPE_NOT_ALLOWED: Evidence = {
  source: 'inferred',
  reason:
    'The client names "Payment Method Type Not Allowed" for this operation without saying when; a payment method whose type is not in the flow\'s payment_method_types is our reading.',
};
/** The conditions of PAY.JP's SDK's newer codes, which it names without saying when (sdk-since-1.0.5.md). */
const PAYMENT_FAILED: Evidence = {
  source: 'inferred',
  reason:
    "PAY.JP's SDK (1.0.6) names Payment Failed (402) for this operation without saying when; a payment the card's side refuses for a reason no published 402 code names is our reading, reached with a test card (CONTRACT_TEST_CARD_TOKEN_PAYMENT_FAILED and its capture twin).",
};
const NO_EXTENSION: Evidence = {
  source: 'inferred',
  reason:
    "PAY.JP's SDK (1.0.10) names Extended Authorization Not Available with must_extend; a card whose authorization cannot be extended is our reading, reached with a test card (CONTRACT_TEST_CARD_TOKEN_NO_EXTENDED_AUTHORIZATION).",
};
const MUST_EXTEND = { payment_method_options: { card: { request_extended_authorization: 'must_extend' } } };
/** 20 metadata keys, the most an object keeps (the client's metadata docs). */
const TWENTY_KEYS = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`contract_${i}`, 'x']));
/** Fills the object's metadata up to 20 keys, then the request under test adds a 21st. */
const metadataFull = async (g: Given, operationId: string, params: Record<string, string>, extra: Record<string, unknown> = {}): Promise<RequestParts> => {
  await g.call(operationId, { params, body: { ...extra, metadata: TWENTY_KEYS } });
  return { params, body: { ...extra, metadata: { contract_21st: 'one too many' } } };
};

export const RECIPES: Recipe[] = [
  // Successes that need an object in a particular status.
  { operationId: 'deleteCustomer', request: async (g) => ({ params: { customer_id: await g.customer() } }) },
  { operationId: 'deleteProduct', request: async (g) => ({ params: { product_id: await g.product() } }) },
  { operationId: 'confirmPaymentFlow', request: async (g) => ({ params: flow(await g.flow('requires_confirmation')), body: {} }) },
  { operationId: 'capturePaymentFlow', request: async (g) => ({ params: flow(await g.flow('requires_capture')), body: {} }) },
  {
    operationId: 'cancelPaymentFlow',
    request: async (g) => ({ params: flow(await g.flow('requires_payment_method')), body: { cancellation_reason: 'requested_by_customer' } }),
  },
  { operationId: 'createPaymentRefund', request: async (g) => ({ body: { payment_flow_id: await g.flow('succeeded'), reason: 'requested_by_customer' } }) },
  { operationId: 'getPaymentRefund', request: async (g) => ({ params: { payment_refund_id: (await g.refund()).refund } }) },
  {
    operationId: 'updatePaymentRefund',
    request: async (g) => ({ params: { payment_refund_id: (await g.refund()).refund }, body: { metadata: { ticket: 'contract' } } }),
  },
  { operationId: 'getPaymentFlowRefunds', request: async (g) => ({ params: flow((await g.refund()).flow) }) },
  { operationId: 'attachPaymentMethod', request: async (g) => ({ params: method(await g.card()), body: { customer_id: await g.customer() } }) },
  { operationId: 'detachPaymentMethod', request: async (g) => ({ params: method((await g.attachedCard()).method) }) },
  { operationId: 'cancelSetupFlow', request: async (g) => ({ params: { setup_flow_id: await g.setupFlow('requires_payment_method') }, body: {} }) },

  // An ID in the body of a create that names no object.
  { operationId: 'createPaymentFlow', code: 'not_found', request: async () => ({ body: payment({ customer_id: unknownId('cus_') }) }) },
  { operationId: 'createPaymentRefund', code: 'not_found', request: async () => ({ body: { payment_flow_id: unknownId('pfw_') } }) },
  { operationId: 'createPaymentMethod', code: 'not_found', request: async (g) => ({ body: testCardBody(g.run.tokens.success, unknownId('cus_')) }) },
  { operationId: 'createSetupFlow', code: 'not_found', request: async () => ({ body: { customer_id: unknownId('cus_') } }) },
  { operationId: 'createCheckoutSession', code: 'not_found', request: async (g) => ({ body: checkout(await g.price(), { customer_id: unknownId('cus_') }) }) },
  { operationId: 'createCheckoutSession', code: 'price_not_found_or_inactive', request: async () => ({ body: checkout(unknownId('price_')) }) },
  {
    operationId: 'createCheckoutSession',
    code: 'tax_rate_not_found_or_inactive',
    request: async (g) => ({
      body: { ...checkout(await g.price()), line_items: [{ price_id: await g.price(), quantity: 1, tax_rates: [unknownId('txr_')] }] },
    }),
  },
  { operationId: 'createPrice', code: 'not_found', request: async () => ({ body: { product_id: unknownId('prod_'), unit_amount: AMOUNT, currency: 'jpy' } }) },
  {
    operationId: 'getAllPaymentTransactions',
    code: 'not_found',
    evidence: {
      source: 'inferred',
      reason: "PAY.JP's SDK (1.0.8) documents Not Found for getAllPaymentTransactions; a term_id of no term is our reading.",
    },
    request: async () => ({ query: { term_id: unknownId('tm_') } }),
  },
  { operationId: 'createCustomer', code: 'not_found', request: async () => ({ body: { payment_method_id: unknownId('pm_') } }) },

  // Creating a payment flow (confirm: true answers what confirming does).
  { operationId: 'createPaymentFlow', code: 'missing_payment_method', request: async () => ({ body: payment({ confirm: true }) }) },
  {
    operationId: 'createPaymentFlow',
    code: 'payment_method_type_not_allowed',
    evidence: TYPE_NOT_ALLOWED,
    request: async (g) => {
      const { customer, method: pm } = await g.attachedCard();
      return { body: payment({ customer_id: customer, payment_method_id: pm, payment_method_types: ['paypay'] }) };
    },
  },
  {
    operationId: 'createPaymentFlow',
    code: 'unsupported_payment_method_type',
    request: async (g) => (await g.turnOff('paypay'), { body: payment({ payment_method_types: ['paypay'] }) }),
  },
  {
    operationId: 'createPaymentFlow',
    code: 'customer_required_for_payment_method',
    request: async (g) => ({ body: payment({ payment_method_id: (await g.attachedCard()).method }) }),
  },
  {
    operationId: 'createPaymentFlow',
    code: 'payment_method_not_owned_by_customer',
    request: async (g) => ({ body: payment({ payment_method_id: (await g.attachedCard()).method, customer_id: await g.customer() }) }),
  },
  {
    operationId: 'createPaymentFlow',
    code: 'detached_payment_method_not_usable',
    request: async (g) => ({ body: payment({ payment_method_id: await g.detachedCard() }) }),
  },
  { operationId: 'createPaymentFlow', code: 'card_declined', request: (g) => paid(g, g.run.tokens.declined) },
  { operationId: 'createPaymentFlow', code: 'payment_failed', evidence: PAYMENT_FAILED, request: (g) => paid(g, g.run.tokens.paymentFailed) },
  {
    operationId: 'createPaymentFlow',
    code: 'extended_authorization_not_available',
    evidence: NO_EXTENSION,
    request: async (g) => {
      const { customer, method: pm } = await g.attachedCard(g.run.tokens.noExtendedAuthorization);
      return { body: payment({ customer_id: customer, payment_method_id: pm, confirm: true, capture_method: 'manual', ...MUST_EXTEND }) };
    },
  },
  { operationId: 'createPaymentFlow', code: 'processing_error', request: (g) => paid(g, g.run.tokens.processingError) },
  { operationId: 'createPaymentFlow', code: 'three_d_secure_failed', request: (g) => paid(g, g.run.tokens.threeDSecureFailed) },

  // Updating a payment flow.
  {
    operationId: 'updatePaymentFlow',
    code: 'invalid_status',
    request: async (g) => ({ params: flow(await g.flow('canceled')), body: { description: 'too late' } }),
  },
  {
    operationId: 'updatePaymentFlow',
    code: 'unsupported_payment_method_type',
    request: async (g) => {
      const id = await g.flow('requires_payment_method');
      await g.turnOff('paypay');
      return { params: flow(id), body: { payment_method_types: ['paypay'] } };
    },
  },
  {
    operationId: 'updatePaymentFlow',
    code: 'payment_method_type_not_allowed',
    evidence: TYPE_NOT_ALLOWED,
    request: async (g) => {
      const made = await g.customerFlow();
      return { params: flow(made.flow), body: { payment_method_id: made.method, payment_method_types: ['paypay'] } };
    },
  },
  {
    operationId: 'updatePaymentFlow',
    code: 'metadata_limit_exceeded',
    request: async (g) => metadataFull(g, 'updatePaymentFlow', flow(await g.flow('requires_payment_method'))),
  },
  {
    operationId: 'updatePaymentFlow',
    code: 'customer_required_for_payment_method',
    request: async (g) => ({ params: flow(await g.flow('requires_payment_method')), body: { payment_method_id: (await g.attachedCard()).method } }),
  },
  {
    operationId: 'updatePaymentFlow',
    code: 'payment_method_not_owned_by_customer',
    request: async (g) => ({
      params: flow(await g.flow('requires_payment_method')),
      body: { payment_method_id: (await g.attachedCard()).method, customer_id: await g.customer() },
    }),
  },
  {
    operationId: 'updatePaymentFlow',
    code: 'detached_payment_method_not_usable',
    request: async (g) => ({ params: flow(await g.flow('requires_payment_method')), body: { payment_method_id: await g.detachedCard() } }),
  },

  // Confirming, capturing, canceling.
  { operationId: 'confirmPaymentFlow', code: 'invalid_status', request: async (g) => ({ params: flow(await g.flow('canceled')), body: {} }) },
  {
    operationId: 'confirmPaymentFlow',
    code: 'missing_payment_method',
    request: async (g) => ({ params: flow(await g.flow('requires_payment_method')), body: {} }),
  },
  {
    operationId: 'confirmPaymentFlow',
    code: 'unsupported_payment_method_type',
    request: async (g) => {
      const id = await g.flow('requires_payment_method');
      await g.turnOff('paypay');
      return { params: flow(id), body: { payment_method_types: ['paypay'] } };
    },
  },
  {
    operationId: 'confirmPaymentFlow',
    code: 'payment_method_type_not_allowed',
    evidence: TYPE_NOT_ALLOWED,
    request: async (g) => {
      const made = await g.customerFlow();
      return { params: flow(made.flow), body: { payment_method_id: made.method, payment_method_types: ['paypay'] } };
    },
  },
  {
    operationId: 'confirmPaymentFlow',
    code: 'customer_required_for_payment_method',
    request: async (g) => ({ params: flow(await g.flow('requires_payment_method')), body: { payment_method_id: (await g.attachedCard()).method } }),
  },
  {
    operationId: 'confirmPaymentFlow',
    code: 'payment_method_not_owned_by_customer',
    request: async (g) => {
      const { method: pm } = await g.attachedCard();
      const id = String((await g.call('createPaymentFlow', { body: payment({ customer_id: await g.customer() }) }))['id']);
      return { params: flow(id), body: { payment_method_id: pm } };
    },
  },
  {
    operationId: 'confirmPaymentFlow',
    code: 'detached_payment_method_not_usable',
    request: async (g) => ({ params: flow(await g.flow('requires_payment_method')), body: { payment_method_id: await g.detachedCard() } }),
  },
  {
    operationId: 'confirmPaymentFlow',
    code: 'card_declined',
    request: async (g) => ({ params: flow(await g.flow('requires_confirmation', g.run.tokens.declined)), body: {} }),
  },
  {
    operationId: 'confirmPaymentFlow',
    code: 'processing_error',
    request: async (g) => ({ params: flow(await g.flow('requires_confirmation', g.run.tokens.processingError)), body: {} }),
  },
  {
    operationId: 'confirmPaymentFlow',
    code: 'payment_failed',
    evidence: PAYMENT_FAILED,
    request: async (g) => ({ params: flow(await g.flow('requires_confirmation', g.run.tokens.paymentFailed)), body: {} }),
  },
  {
    operationId: 'confirmPaymentFlow',
    code: 'extended_authorization_not_available',
    evidence: NO_EXTENSION,
    request: async (g) => ({
      params: flow(await g.flow('requires_confirmation', g.run.tokens.noExtendedAuthorization)),
      body: { capture_method: 'manual', ...MUST_EXTEND },
    }),
  },
  {
    operationId: 'confirmPaymentFlow',
    code: 'three_d_secure_failed',
    request: async (g) => ({ params: flow(await g.flow('requires_confirmation', g.run.tokens.threeDSecureFailed)), body: {} }),
  },
  { operationId: 'capturePaymentFlow', code: 'invalid_status', request: async (g) => ({ params: flow(await g.flow('requires_confirmation')), body: {} }) },
  {
    operationId: 'capturePaymentFlow',
    code: 'card_declined',
    request: async (g) => ({ params: flow(await g.flow('requires_capture', g.run.tokens.captureDeclined)), body: {} }),
  },
  {
    operationId: 'capturePaymentFlow',
    code: 'processing_error',
    request: async (g) => ({ params: flow(await g.flow('requires_capture', g.run.tokens.captureProcessingError)), body: {} }),
  },
  {
    operationId: 'capturePaymentFlow',
    code: 'payment_failed',
    evidence: PAYMENT_FAILED,
    request: async (g) => ({ params: flow(await g.flow('requires_capture', g.run.tokens.capturePaymentFailed)), body: {} }),
  },
  {
    operationId: 'capturePaymentFlow',
    code: 'payment_flow_expired',
    evidence: {
      source: 'inferred',
      reason:
        "PAY.JP's SDK (1.0.10) names Payment Flow Expired for capturePaymentFlow without saying when; a flow whose authorization has lapsed is our reading, and a test card whose authorization lapses at once (CONTRACT_TEST_CARD_TOKEN_AUTHORIZATION_EXPIRED) reaches it without waiting.",
    },
    request: async (g) => ({ params: flow(await g.flow('requires_capture', g.run.tokens.authorizationExpired)), body: {} }),
  },
  { operationId: 'cancelPaymentFlow', code: 'invalid_status', request: async (g) => ({ params: flow(await g.flow('canceled')), body: {} }) },

  // Refunds.
  {
    operationId: 'createPaymentRefund',
    code: 'invalid_status',
    request: async (g) => ({ body: { payment_flow_id: await g.flow('requires_payment_method') } }),
  },
  { operationId: 'createPaymentRefund', code: 'already_refunded', request: async (g) => ({ body: { payment_flow_id: (await g.refund()).flow } }) },
  {
    operationId: 'createPaymentRefund',
    code: 'refund_exceeds_payment',
    request: async (g) => ({ body: { payment_flow_id: await g.flow('succeeded'), amount: 2 * AMOUNT } }),
  },
  {
    operationId: 'createPaymentRefund',
    code: 'payment_failed',
    evidence: {
      source: 'inferred',
      reason: "PAY.JP's SDK (1.1.0) documents a 402 for createPaymentRefund without a title; payment_failed, the card refusing the refund, is our reading.",
    },
    request: async (g) => ({ body: { payment_flow_id: await g.flow('succeeded', g.run.tokens.refundFailed) } }),
  },
  {
    operationId: 'updatePaymentRefund',
    code: 'metadata_limit_exceeded',
    request: async (g) => metadataFull(g, 'updatePaymentRefund', { payment_refund_id: (await g.refund()).refund }),
  },

  // Payment methods.
  {
    operationId: 'createPaymentMethod',
    code: 'unsupported_payment_method_type',
    request: async (g) => (await g.turnOff('paypay'), { body: { type: 'paypay' } }),
  },
  {
    operationId: 'createPaymentMethod',
    code: 'apple_pay_domain_not_registered',
    request: async (g) => ({ body: { type: 'apple_pay', token: g.run.tokens.applePayDomainNotRegistered } }),
  },
  {
    operationId: 'createPaymentMethod',
    code: 'apple_pay_merchant_validation_failed',
    request: async (g) => ({ body: { type: 'apple_pay', token: g.run.tokens.applePayMerchantValidationFailed } }),
  },
  {
    operationId: 'createPaymentMethod',
    code: 'invalid_apple_pay_token',
    request: async (g) => ({ body: { type: 'apple_pay', token: g.run.tokens.applePayInvalidToken } }),
  },
  {
    operationId: 'createPaymentMethod',
    code: 'unacceptable_brand_on_apple_pay',
    request: async (g) => ({ body: { type: 'apple_pay', token: g.run.tokens.applePayUnacceptableBrand } }),
  },
  {
    operationId: 'attachPaymentMethod',
    code: 'payment_method_already_attached',
    request: async (g) => {
      const { method: pm, customer } = await g.attachedCard();
      return { params: method(pm), body: { customer_id: customer } };
    },
  },
  {
    operationId: 'attachPaymentMethod',
    code: 'payment_method_customer_mismatch',
    request: async (g) => ({ params: method((await g.attachedCard()).method), body: { customer_id: await g.customer() } }),
  },
  {
    operationId: 'attachPaymentMethod',
    code: 'detached_payment_method_not_usable',
    request: async (g) => ({ params: method(await g.detachedCard()), body: { customer_id: await g.customer() } }),
  },
  {
    operationId: 'attachPaymentMethod',
    code: 'unsupported_payment_method_type',
    request: async (g) => {
      const pm = await g.paypay();
      await g.turnOff('paypay');
      return { params: method(pm), body: { customer_id: await g.customer() } };
    },
  },
  { operationId: 'detachPaymentMethod', code: 'payment_method_unattached', request: async (g) => ({ params: method(await g.card()) }) },
  { operationId: 'detachPaymentMethod', code: 'payment_method_already_detached', request: async (g) => ({ params: method(await g.detachedCard()) }) },
  {
    operationId: 'updatePaymentMethod',
    code: 'metadata_limit_exceeded',
    request: async (g) => metadataFull(g, 'updatePaymentMethod', method(await g.paypay()), { type: 'paypay' }),
  },

  // Customers.
  {
    operationId: 'createCustomer',
    code: 'detached_payment_method_not_usable',
    request: async (g) => ({ body: { payment_method_id: await g.detachedCard() } }),
  },
  {
    operationId: 'createCustomer',
    code: 'payment_method_already_attached',
    request: async (g) => ({ body: { payment_method_id: (await g.attachedCard()).method } }),
  },
  {
    operationId: 'createCustomer',
    code: 'unsupported_payment_method_type',
    request: async (g) => {
      const pm = await g.paypay();
      await g.turnOff('paypay');
      return { body: { payment_method_id: pm } };
    },
  },
  {
    operationId: 'updateCustomer',
    code: 'payment_method_unattached',
    request: async (g) => ({ params: { customer_id: await g.customer() }, body: { default_payment_method_id: await g.card() } }),
  },
  {
    operationId: 'updateCustomer',
    code: 'payment_method_not_owned_by_customer',
    request: async (g) => ({ params: { customer_id: await g.customer() }, body: { default_payment_method_id: (await g.attachedCard()).method } }),
  },
  {
    operationId: 'updateCustomer',
    code: 'metadata_limit_exceeded',
    request: async (g) => metadataFull(g, 'updateCustomer', { customer_id: await g.customer() }),
  },

  // Products, prices, tax rates.
  { operationId: 'deleteProduct', code: 'product_has_prices', request: async (g) => ({ params: { product_id: (await g.pricedProduct()).product } }) },
  {
    operationId: 'updateProduct',
    code: 'invalid_default_price',
    request: async (g) => ({ params: { product_id: await g.product() }, body: { default_price_id: await g.price() } }),
  },
  { operationId: 'updatePrice', code: 'metadata_limit_exceeded', request: async (g) => metadataFull(g, 'updatePrice', { price_id: await g.price() }) },
  {
    operationId: 'updateTaxRate',
    code: 'metadata_limit_exceeded',
    request: async (g) =>
      metadataFull(g, 'updateTaxRate', {
        tax_rate_id: String((await g.call('createTaxRate', { body: { display_name: 'contract recipe', inclusive: false, percentage: 10 } }))['id']),
      }),
  },

  // Setup flows and checkout sessions.
  {
    operationId: 'createSetupFlow',
    code: 'invalid_payment_method_types',
    evidence: {
      source: 'inferred',
      reason:
        "PAY.JP's SDK (1.0.8) names Invalid Payment Method Types for createSetupFlow without saying when; a type the account has turned off is our reading.",
    },
    request: async (g) => (await g.turnOff('card'), { body: { payment_method_types: ['card'] } }),
  },
  {
    operationId: 'updateSetupFlow',
    code: 'invalid_status',
    evidence: {
      source: 'inferred',
      reason: "PAY.JP's SDK (1.0.6) names Invalid Status for updateSetupFlow without the statuses it refuses; canceled is our reading.",
    },
    request: async (g) => ({ params: { setup_flow_id: await g.setupFlow('canceled') }, body: { description: 'too late' } }),
  },
  { operationId: 'cancelSetupFlow', code: 'invalid_status', request: async (g) => ({ params: { setup_flow_id: await g.setupFlow('canceled') }, body: {} }) },
  {
    operationId: 'updateSetupFlow',
    code: 'payment_method_not_owned_by_customer',
    request: async (g) => ({ params: { setup_flow_id: (await g.savedSetupFlow()).flow }, body: { customer_id: await g.customer() } }),
  },
  {
    operationId: 'updateSetupFlow',
    code: 'metadata_limit_exceeded',
    request: async (g) => metadataFull(g, 'updateSetupFlow', { setup_flow_id: await g.setupFlow('requires_payment_method') }),
  },
  {
    operationId: 'updateSetupFlow',
    code: 'detached_payment_method_not_usable',
    request: async (g) => {
      const saved = await g.savedSetupFlow();
      await g.call('detachPaymentMethod', { params: method(saved.method) });
      return { params: { setup_flow_id: saved.flow }, body: { description: 'after detaching' } };
    },
  },
  {
    operationId: 'createCheckoutSession',
    code: 'unsupported_payment_method_type',
    request: async (g) => {
      const price = await g.price();
      await g.turnOff('paypay');
      return { body: checkout(price, { payment_method_types: ['paypay'] }) };
    },
  },
  {
    operationId: 'updateCheckoutSession',
    code: 'invalid_status',
    request: async (g) => ({ params: { checkout_session_id: await g.completedSession() }, body: { metadata: { note: 'after payment' } } }),
  },
  {
    operationId: 'updateCheckoutSession',
    code: 'metadata_limit_exceeded',
    request: async (g) =>
      metadataFull(g, 'updateCheckoutSession', {
        checkout_session_id: String((await g.call('createCheckoutSession', { body: checkout(await g.price()) }))['id']),
      }),
  },
];

const byKey = new Map(RECIPES.map((recipe) => [`${recipe.operationId} ${recipe.code ?? ''}`, recipe]));
export const recipeFor = (operationId: string, code?: string): Recipe | undefined => byKey.get(`${operationId} ${code ?? ''}`);
