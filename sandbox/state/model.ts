// The objects the sandbox answers, field for field as the published types of @payjp/payjpv2 describe them.
// Written by hand, not derived from the spec; model-contract.ts makes `npm run typecheck` fail when they drift
// from the contract's schemas.

/** Any JSON value per key: PAY.JP's SDK types metadata as a free-form object since 1.0.8 (the spec's Metadata.yaml). */
export type Metadata = Record<string, unknown>;

export type Currency = 'jpy';
/** Every payment method type of the API: bodies' enums and filters, and a flow's default types. */
export const PAYMENT_METHOD_TYPES = ['card', 'paypay', 'apple_pay'] as const;
export type PaymentMethodType = (typeof PAYMENT_METHOD_TYPES)[number];
export type CaptureMethod = 'automatic' | 'manual';

export interface Customer {
  object: 'customer';
  id: string;
  livemode: false;
  email: string | null;
  description: string | null;
  default_payment_method_id: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
}

export interface Address {
  country: string | null;
  zip: string | null;
  state: string | null;
  city: string | null;
  line1: string | null;
  line2: string | null;
}

export interface BillingDetails {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: Address;
}

export interface CardDetails {
  last4: string;
  brand: string;
  exp_month: number;
  exp_year: number;
  fingerprint: string;
  country: string | null;
}

export interface PaymentMethod {
  object: 'payment_method';
  id: string;
  livemode: false;
  type: PaymentMethodType;
  customer_id: string | null;
  detached_at: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
  billing_details: BillingDetails;
  /** Cards and Apple Pay only. */
  card?: CardDetails;
}

export type PaymentFlowStatus =
  | 'canceled'
  | 'processing'
  | 'requires_action'
  | 'requires_capture'
  | 'requires_confirmation'
  | 'requires_payment_method'
  | 'succeeded';

export interface PaymentFlow {
  object: 'payment_flow';
  id: string;
  livemode: false;
  amount: number;
  currency: Currency;
  amount_capturable: number | null;
  amount_received: number | null;
  client_secret: string;
  customer_id: string | null;
  description: string | null;
  payment_method_id: string | null;
  payment_method_options: Record<string, unknown> | null;
  payment_method_types: PaymentMethodType[];
  status: PaymentFlowStatus;
  next_action: Record<string, unknown> | null;
  return_url: string | null;
  capture_method: CaptureMethod;
  last_payment_error: Record<string, unknown> | null;
  cancellation_reason: PaymentFlowCancellationReason | null;
  canceled_at: string | null;
  /** When the uncaptured authorization lapsed (PAY.JP's SDK 1.0.10: optional); set when the flow is next read. */
  expired_at?: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
}

export type SetupFlowStatus = Exclude<PaymentFlowStatus, 'requires_capture'>;
export type PaymentFlowCancellationReason =
  | 'abandoned'
  | 'automatic'
  | 'duplicate'
  | 'expired'
  | 'failed_invoice'
  | 'fraudulent'
  | 'requested_by_customer'
  | 'void_invoice';
export type SetupFlowCancellationReason = 'abandoned' | 'duplicate' | 'requested_by_customer';

export interface SetupFlow {
  object: 'setup_flow';
  id: string;
  livemode: false;
  client_secret: string;
  customer_id: string | null;
  description: string | null;
  metadata: Metadata;
  payment_method_id: string | null;
  payment_method_options: Record<string, unknown> | null;
  payment_method_types: PaymentMethodType[];
  status: SetupFlowStatus;
  next_action: Record<string, unknown> | null;
  return_url: string | null;
  last_setup_error: Record<string, unknown> | null;
  cancellation_reason: SetupFlowCancellationReason | null;
  created_at: string;
  updated_at: string;
}

export interface PaymentRefund {
  object: 'payment_refund';
  id: string;
  livemode: false;
  payment_flow_id: string;
  amount: number;
  status: 'succeeded' | 'failed' | 'pending' | 'canceled' | 'requires_action';
  reason: 'duplicate' | 'fraudulent' | 'requested_by_customer' | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
}

export interface PaymentDispute {
  object: 'payment_dispute';
  id: string;
  livemode: false;
  payment_flow_id: string;
  amount: number;
  currency: Currency;
  status:
    | 'pre_warning_needs_response'
    | 'warning_needs_response'
    | 'warning_needs_refund'
    | 'warning_under_review'
    | 'needs_response'
    | 'under_review'
    | 'lost'
    | 'cancel';
  reason:
    | 'researching'
    | 'researching_fraudulent'
    | 'warned_fraudulent'
    | 'confirmed_fraudulent'
    | 'unrecognized'
    | 'fraudulent'
    | 'product_not_received'
    | 'online_fraudulent'
    | 'incorrect_account_details'
    | 'receiving_chargeback'
    | 'duplicate'
    | 'not_authorized'
    | 'subscription_canceled'
    | 'check_returned'
    | 'other'
    | null;
  due_by: string | null;
  payment_method_type: PaymentMethodType;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
}

export interface PaymentTransaction {
  object: 'payment_transaction';
  id: string;
  livemode: false;
  resource_id: string;
  amount: number;
  currency: Currency;
  fee_rate: string;
  fee: number;
  type: 'payment' | 'refund' | 'chargeback' | 'chargeback_cancel';
  payment_method_type: PaymentMethodType;
  term_id: string;
  created_at: string;
  updated_at: string;
}

export interface Product {
  object: 'product';
  id: string;
  livemode: false;
  name: string;
  active: boolean;
  default_price_id: string | null;
  description: string | null;
  unit_label: string | null;
  url: string | null;
  created_at: string;
  updated_at: string;
}

export interface Price {
  object: 'price';
  id: string;
  livemode: false;
  product_id: string;
  unit_amount: number;
  currency: Currency;
  active: boolean;
  nickname: string | null;
  type: 'one_time';
  lookup_key: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
}

export interface TaxRate {
  object: 'tax_rate';
  id: string;
  livemode: false;
  display_name: string;
  inclusive: boolean;
  percentage: number;
  active: boolean;
  country: 'JP' | null;
  description: string | null;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
}

export interface LineItem {
  object: 'line_item';
  id: string;
  amount_subtotal: number;
  amount_tax: number;
  amount_total: number;
  currency: Currency;
  description: string | null;
  price: Price;
  quantity: number;
}

export interface CheckoutSession {
  object: 'checkout.session';
  id: string;
  livemode: false;
  amount_subtotal: number | null;
  amount_total: number | null;
  customer_id: string | null;
  customer_email: string | null;
  customer_details: null;
  expires_at: string | null;
  currency: Currency;
  locale: 'auto' | 'ja' | null;
  payment_flow_id: string | null;
  payment_method_types: PaymentMethodType[] | null;
  payment_method_options: Record<string, unknown> | null;
  setup_flow_id: string | null;
  submit_type: 'auto' | 'book' | 'donate' | 'pay' | null;
  mode: 'payment' | 'setup';
  ui_mode: 'hosted';
  status: 'open' | 'complete' | 'expired';
  success_url: string | null;
  cancel_url: string | null;
  url: string;
  metadata: Metadata;
  created_at: string;
  updated_at: string;
}

export interface SandboxEvent {
  object: 'event';
  id: string;
  livemode: false;
  type: string;
  pending_webhooks: number;
  /** The object as it was: its `object` and `id`, and its other fields. */
  data: { object: string; id: string } & Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export interface Term {
  object: 'term';
  id: string;
  livemode: false;
  start_at: string;
  end_at: string | null;
  closed: boolean;
}

export interface StatementItem {
  subject:
    | 'gross_sales'
    | 'fee'
    | 'platform_fee'
    | 'gross_refund'
    | 'refund_fee_offset'
    | 'refund_platform_fee_offset'
    | 'chargeback'
    | 'chargeback_fee_offset'
    | 'chargeback_platform_fee_offset'
    | 'proplan'
    | 'plan_fee'
    | 'forfeit'
    | 'reallocation'
    | 'yell_bank_collection'
    | 'pyb_early_deposit_service_fee'
    | 'transfer_fee'
    | 'other';
  name: string | null;
  amount: number;
  tax_rate: string | null;
}

export interface Statement {
  object: 'statement';
  id: string;
  livemode: false;
  title: string | null;
  type: 'sales' | 'service_fee' | 'transfer_fee' | 'forfeit' | 'misc';
  term: Term | null;
  balance_id: string | null;
  items: StatementItem[];
  net: number;
  created_at: string;
  updated_at: string;
}

export interface Balance {
  object: 'balance';
  id: string;
  livemode: false;
  state: 'collecting' | 'transfer' | 'claim';
  statements: Statement[];
  closed: boolean;
  closed_date: string | null;
  due_date: string | null;
  net: number;
  bank_info: {
    bank_code: string;
    bank_branch_code: string;
    bank_account_type: string;
    bank_account_number: string;
    bank_account_holder_name: string;
    bank_account_status: 'success' | 'failed' | 'pending';
  } | null;
  created_at: string;
  updated_at: string;
}

export interface PaymentMethodConfigurationSetting {
  available: boolean;
  display_preference: { preference: 'none' | 'off' | 'on'; value: 'off' | 'on' };
}

export interface PaymentMethodConfiguration {
  object: 'payment_method_configuration';
  id: string;
  livemode: false;
  active: boolean;
  name: string | null;
  paypay: PaymentMethodConfigurationSetting;
  card: PaymentMethodConfigurationSetting;
  apple_pay: PaymentMethodConfigurationSetting;
}
