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

export type Narrower = BankAccountStatusEnum | TransactionFilterEnums | ProductDeletedRequired | EventDataIsAResource;

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

export type Wider = TermEndAtNullable;

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

export type Unshared = PaymentMethodOptionsDocumented;

/** The paths one kind of exception exempts for operation `K`. */
export type PathsOf<Kind, K extends OperationId> = Kind extends unknown ? (K extends keyof Kind ? Kind[K] : never) : never;
