// The deliberate differences between our contract and the published types, each named, with its reason,
// the operations it concerns and the field's path there (from the operation: `response`, `body`, `query`
// or `path`; array items are seen through, so a list's items are `response.data.<field>`). Everything not
// listed here must agree exactly (see checks.ts). A spec bug is never listed here: it is fixed in openapi/.
import type { OperationId } from './sides.ts';

/** An exception: per operation (an operation ID that exists), the path(s) of the field it exempts. */
type Exempt<E extends { [K in keyof E]: K extends OperationId ? string : never }> = E;

// ---- Narrower: ours admits fewer values; their values at the path are not checked against ours. ----

/**
 * The published BankInfoResponse types `bank_account_status` as `string`, while its description lists the
 * values (`success`, `failed`, `pending`); ours is that enum.
 */
type BankAccountStatusEnum = Exempt<{
  getBalance: 'response.bank_info.bank_account_status';
  getAllBalances: 'response.data.bank_info.bank_account_status';
}>;

/**
 * The `type` and `payment_method_type` filters of the transaction list are `string` upstream; their values
 * are those of the fields they filter, the transaction's `type` and `payment_method_type` (enums in the
 * published types too: PaymentTransactionType, PaymentMethodTypes), and ours are those enums.
 */
type TransactionFilterEnums = Exempt<{
  getAllPaymentTransactions: 'query.type' | 'query.payment_method_type';
}>;

/**
 * A deleted product's `deleted` is optional upstream; the API always sends it (`true`), so ours requires it,
 * as it requires `object` everywhere.
 */
type ProductDeletedRequired = Exempt<{
  deleteProduct: 'response.deleted';
}>;

/**
 * An event's `data` is an open record upstream ("the resource object of this event"); ours says what every
 * resource object has, `object` and `id`, so a client can tell which resource it holds.
 */
type EventDataIsAResource = Exempt<{
  getEvent: 'response.data';
  getAllEvents: 'response.data.data';
}>;

/**
 * Fields PAY.JP's SDK added to answers as required after the client 1.0.5, which its answer types lack: a
 * product's and a tax rate's `livemode`, `created_at`, `updated_at` (SDK 1.0.7), and a payment method
 * configuration's `apple_pay` (SDK 1.0.6). Ours requires them, as the newer generation does.
 */
type RequiredSinceClient = Exempt<{
  getAllProducts: 'response.data.created_at' | 'response.data.livemode' | 'response.data.updated_at';
  createProduct: 'response.created_at' | 'response.livemode' | 'response.updated_at';
  getProduct: 'response.created_at' | 'response.livemode' | 'response.updated_at';
  updateProduct: 'response.created_at' | 'response.livemode' | 'response.updated_at';
  getAllTaxRates: 'response.data.created_at' | 'response.data.livemode' | 'response.data.updated_at';
  createTaxRate: 'response.created_at' | 'response.livemode' | 'response.updated_at';
  getTaxRate: 'response.created_at' | 'response.livemode' | 'response.updated_at';
  updateTaxRate: 'response.created_at' | 'response.livemode' | 'response.updated_at';
}>;
type ApplePayRequiredSinceClient = Exempt<{
  getAllPaymentMethodConfigurations: 'response.data.apple_pay';
  getPaymentMethodConfiguration: 'response.apple_pay';
  updatePaymentMethodConfiguration: 'response.apple_pay';
}>;

/**
 * `default_payment_method_id` of a customer update is `string | null` in the client 1.0.5 (`null` cleared it);
 * PAY.JP's SDK 1.1.0 makes it `string`, not nullable, and the newer generation wins: ours refuses the `null`
 * their client 1.0.5 may send.
 */
type DefaultPaymentMethodNotNullable = Exempt<{
  updateCustomer: 'body.default_payment_method_id';
}>;

export type Narrower =
  | BankAccountStatusEnum
  | TransactionFilterEnums
  | ProductDeletedRequired
  | EventDataIsAResource
  | DefaultPaymentMethodNotNullable
  | RequiredSinceClient
  | ApplePayRequiredSinceClient;

// ---- Wider: ours admits values their type lacks; our values at the path are not checked against theirs. ----

/**
 * The published TermResponse types `end_at` as `string`, yet its own description says the API returns `null`
 * for the next cycle's term (翌サイクルの Term の場合 null を返します); ours is `string | null`, as sent.
 * Their client parses the `null` (it does not validate), only its type is too narrow.
 */
type TermEndAtNullable = Exempt<{
  getTerm: 'response.end_at';
  getAllTerms: 'response.data.end_at';
  getStatement: 'response.term.end_at';
  getAllStatements: 'response.data.term.end_at';
  getBalance: 'response.statements.term.end_at';
  getAllBalances: 'response.data.statements.term.end_at';
}>;

/**
 * Metadata values are `string | number | boolean` in the client 1.0.5 (and still in payjpv2-python 1.0.10);
 * PAY.JP's SDK types metadata as a free-form object since 1.0.8 (payjpv2-php 1.1.0 `array<string,mixed>`),
 * and the newer generation wins: ours admits any JSON value. Their client parses such a value (it does not
 * validate), only its type is too narrow. The paths are every `metadata` of the operations' bodies and answers.
 */
type MetadataFreeForm = Exempt<{
  getAllPaymentFlows: 'response.data.metadata';
  createPaymentFlow: 'body.metadata' | 'response.metadata';
  getPaymentFlow: 'response.metadata';
  updatePaymentFlow: 'body.metadata' | 'response.metadata';
  cancelPaymentFlow: 'response.metadata';
  capturePaymentFlow: 'response.metadata';
  confirmPaymentFlow: 'response.metadata';
  getPaymentFlowRefunds: 'response.data.metadata';
  getAllPaymentRefunds: 'response.data.metadata';
  createPaymentRefund: 'body.metadata' | 'response.metadata';
  getPaymentRefund: 'response.metadata';
  updatePaymentRefund: 'body.metadata' | 'response.metadata';
  getAllPaymentDisputes: 'response.data.metadata';
  getPaymentDispute: 'response.metadata';
  getAllPaymentMethods: 'response.data.metadata';
  createPaymentMethod: 'body.metadata' | 'response.metadata';
  getPaymentMethod: 'response.metadata';
  updatePaymentMethod: 'body.metadata' | 'response.metadata';
  getPaymentMethodByCard: 'response.metadata';
  attachPaymentMethod: 'response.metadata';
  detachPaymentMethod: 'response.metadata';
  getAllSetupFlows: 'response.data.metadata';
  createSetupFlow: 'body.metadata' | 'response.metadata';
  getSetupFlow: 'response.metadata';
  updateSetupFlow: 'body.metadata' | 'response.metadata';
  cancelSetupFlow: 'response.metadata';
  getAllCheckoutSessions: 'response.data.metadata';
  createCheckoutSession: 'body.metadata' | 'body.payment_flow_data.metadata' | 'body.setup_flow_data.metadata' | 'response.metadata';
  getCheckoutSession: 'response.metadata';
  updateCheckoutSession: 'body.metadata' | 'response.metadata';
  getAllCheckoutSessionLineItems: 'response.data.price.metadata';
  getAllPrices: 'response.data.metadata';
  createPrice: 'body.metadata' | 'response.metadata';
  getPrice: 'response.metadata';
  updatePrice: 'body.metadata' | 'response.metadata';
  getAllTaxRates: 'response.data.metadata';
  createTaxRate: 'body.metadata' | 'response.metadata';
  getTaxRate: 'response.metadata';
  updateTaxRate: 'body.metadata' | 'response.metadata';
  getAllCustomers: 'response.data.metadata';
  createCustomer: 'body.metadata' | 'response.metadata';
  getCustomer: 'response.metadata';
  updateCustomer: 'body.metadata' | 'response.metadata';
  deleteCustomer: 'response.metadata';
  getCustomerPaymentMethods: 'response.data.metadata';
}>;

/**
 * `request_extended_authorization` gains `must_extend` in PAY.JP's SDK 1.0.10; the client 1.0.5 knows
 * `if_available` and `never` only.
 */
type MustExtend = Exempt<{
  createPaymentFlow: 'body.payment_method_options.card.request_extended_authorization';
  updatePaymentFlow: 'body.payment_method_options.card.request_extended_authorization';
  confirmPaymentFlow: 'body.payment_method_options.card.request_extended_authorization';
  createCheckoutSession: 'body.payment_method_options.card.request_extended_authorization';
}>;

/** A payment flow confirmation's `capture_method` is nullable since PAY.JP's SDK 1.0.6 (`null` keeps the flow's own). */
type CaptureMethodNullable = Exempt<{
  confirmPaymentFlow: 'body.capture_method';
}>;

/**
 * A line item's `price_id` is optional and nullable since PAY.JP's SDK 1.1.0, which lets a line write its price
 * inline (`price_data`); the client 1.0.5 requires it.
 */
type LineItemPriceIdOptional = Exempt<{
  createCheckoutSession: 'body.line_items.price_id';
}>;

export type Wider = TermEndAtNullable | MetadataFreeForm | MustExtend | CaptureMethodNullable | LineItemPriceIdOptional;

// ---- Unshared fields: a field path one side documents and the other does not (as Findings names it). ----

/**
 * A flow's or session's `payment_method_options` is an open record in the published responses; ours
 * documents the fields it echoes, those of the request's options (PaymentFlowPaymentMethodOptionsRequest and
 * the like upstream). Their client reads them as unknown fields of the record.
 */
type PaymentMethodOptionsDocumented = Exempt<{
  getAllPaymentFlows: 'theirs only: response.data.payment_method_options.{*}';
  createPaymentFlow: 'theirs only: response.payment_method_options.{*}';
  getPaymentFlow: 'theirs only: response.payment_method_options.{*}';
  updatePaymentFlow: 'theirs only: response.payment_method_options.{*}';
  cancelPaymentFlow: 'theirs only: response.payment_method_options.{*}';
  capturePaymentFlow: 'theirs only: response.payment_method_options.{*}';
  confirmPaymentFlow: 'theirs only: response.payment_method_options.{*}';
  getAllSetupFlows: 'theirs only: response.data.payment_method_options.{*}';
  createSetupFlow: 'theirs only: response.payment_method_options.{*}';
  getSetupFlow: 'theirs only: response.payment_method_options.{*}';
  updateSetupFlow: 'theirs only: response.payment_method_options.{*}';
  cancelSetupFlow: 'theirs only: response.payment_method_options.{*}';
  getAllCheckoutSessions: 'theirs only: response.data.payment_method_options.{*}';
  createCheckoutSession: 'theirs only: response.payment_method_options.{*}';
  getCheckoutSession: 'theirs only: response.payment_method_options.{*}';
  updateCheckoutSession: 'theirs only: response.payment_method_options.{*}';
}>;

/** A payment flow's `expired_at`, new in PAY.JP's SDK 1.0.10 (optional there as here). */
type PaymentFlowExpiredAt = Exempt<{
  getAllPaymentFlows: 'ours only: response.data.expired_at';
  createPaymentFlow: 'ours only: response.expired_at';
  getPaymentFlow: 'ours only: response.expired_at';
  updatePaymentFlow: 'ours only: response.expired_at';
  cancelPaymentFlow: 'ours only: response.expired_at';
  capturePaymentFlow: 'ours only: response.expired_at';
  confirmPaymentFlow: 'ours only: response.expired_at';
}>;

/** A product's and a tax rate's `livemode`, `created_at` and `updated_at`, sent since PAY.JP's SDK 1.0.7. */
type ProductAndTaxRateTimestamps = Exempt<{
  getAllProducts: 'ours only: response.data.created_at' | 'ours only: response.data.livemode' | 'ours only: response.data.updated_at';
  createProduct: 'ours only: response.created_at' | 'ours only: response.livemode' | 'ours only: response.updated_at';
  getProduct: 'ours only: response.created_at' | 'ours only: response.livemode' | 'ours only: response.updated_at';
  updateProduct: 'ours only: response.created_at' | 'ours only: response.livemode' | 'ours only: response.updated_at';
  getAllTaxRates: 'ours only: response.data.created_at' | 'ours only: response.data.livemode' | 'ours only: response.data.updated_at';
  createTaxRate: 'ours only: response.created_at' | 'ours only: response.livemode' | 'ours only: response.updated_at';
  getTaxRate: 'ours only: response.created_at' | 'ours only: response.livemode' | 'ours only: response.updated_at';
  updateTaxRate: 'ours only: response.created_at' | 'ours only: response.livemode' | 'ours only: response.updated_at';
}>;

/** Apple Pay's setting in a payment method configuration and its update, since PAY.JP's SDK 1.0.6. */
type ApplePayConfiguration = Exempt<{
  getAllPaymentMethodConfigurations: 'ours only: response.data.apple_pay';
  getPaymentMethodConfiguration: 'ours only: response.apple_pay';
  updatePaymentMethodConfiguration: 'ours only: body.apple_pay' | 'ours only: response.apple_pay';
}>;

/**
 * What a checkout session's request gained after the client 1.0.5: a line item's inline `price_data` (SDK
 * 1.1.0), and the `description` of the flow the session creates (SDK 1.0.6).
 */
type CheckoutSessionRequestAdditions = Exempt<{
  createCheckoutSession:
    | 'ours only: body.line_items.price_data'
    | 'ours only: body.payment_flow_data.description'
    | 'ours only: body.setup_flow_data.description';
}>;

/** The tax-rate list's `active` and `inclusive` filters, since PAY.JP's SDK 1.0.7. */
type TaxRateFilters = Exempt<{
  getAllTaxRates: 'ours only: query.active' | 'ours only: query.inclusive';
}>;

export type Unshared =
  | PaymentMethodOptionsDocumented
  | PaymentFlowExpiredAt
  | ProductAndTaxRateTimestamps
  | ApplePayConfiguration
  | CheckoutSessionRequestAdditions
  | TaxRateFilters;

/** The paths one kind of exception exempts for operation `K`. */
export type PathsOf<Kind, K extends OperationId> = Kind extends unknown ? (K extends keyof Kind ? Kind[K] : never) : never;
