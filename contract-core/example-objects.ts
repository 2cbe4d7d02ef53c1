// The objects the spec's examples name, by ID. A fresh sandbox holds each one in the state said here
// (sandbox/resources/seed.ts makes them), so that an example request sent to a fresh sandbox succeeds, or answers the
// error it is named after; the lint refuses a request example naming an ID that is not here
// (contract/example-ids-seeded), and one named after a code of an absent object (`not_found`, `resource_missing`,
// `price_not_found_or_inactive`, `tax_rate_not_found_or_inactive`) naming an ID that is.
// Operations that change an object's state each have an object of their own, so that the examples hold
// whatever order a tool sends them in. This module imports nothing: the build reads it before generated/
// exists.

export const EXAMPLE_OBJECTS = {
  /** 山田 太郎: the card `card` as default payment method; pays most example flows. */
  customer: 'cus_taro_yamada',
  /** 鈴木 花子: the card `secondCard` and the Apple Pay method `applePay`. */
  secondCustomer: 'cus_8Jd2Kq0Vw4',
  /** 佐藤 次郎, with nothing attached, for deleteCustomer. */
  customerToDelete: 'cus_5Lr8Tw2Zk7',

  /** `customer`'s default card (tok_visa), saved in API v1 as `v1Card`. */
  card: 'pm_3Fq8Zp2Lx9',
  v1Card: 'car_6e2a1f0c9d8b7a5e4f3c2b1a0d9e',
  /** `secondCustomer`'s card (tok_mastercard). */
  secondCard: 'pm_6Rt1Gx4Zn8',
  /** `secondCustomer`'s Apple Pay method. */
  applePay: 'pm_9Tg4Xs1Mk6',
  /** A PayPay method attached to no customer. */
  paypay: 'pm_7Hc2Wn5Rb8',
  /** A card attached to no customer, for attachPaymentMethod. */
  unattachedCard: 'pm_5Qm1Ds8Yj3',
  /** A card of `customer` (not the default), for detachPaymentMethod. */
  cardToDetach: 'pm_2Xn6Hb9Vt4',

  /** Succeeded, 5,000 yen by `card`; refunded 1,500 yen by `refund`; also the flow in the wrong status for capture, cancel, confirm and update. */
  paymentFlow: 'pfw_5Rk2Mq8Hn1',
  /** Succeeded, 9,800 yen, disputed by `dispute`. */
  disputedFlow: 'pfw_0Zc5Pn7Ls1',
  /** Succeeded and refunded in full. */
  refundedFlow: 'pfw_7Dq2Wm5Hx8',
  /** requires_confirmation, for updatePaymentFlow. */
  flowToUpdate: 'pfw_8Tc3Ns6Wq2',
  /** requires_capture (manual capture), for cancelPaymentFlow. */
  flowToCancel: 'pfw_6Yh2Kd8Nc3',
  /** requires_capture, 10,000 yen, for capturePaymentFlow. */
  flowToCapture: 'pfw_8Lm3Xv6Tp0',
  /** requires_payment_method, for confirmPaymentFlow with a payment method (succeeded). */
  flowToConfirm: 'pfw_2Yk7Fd4Gs9',
  /** requires_confirmation with `secondCard`, for confirmPaymentFlow asking for 3-D Secure (requires_action). */
  flowToConfirmWith3ds: 'pfw_1Qw7Ez4Rb9',
  /** requires_confirmation, for confirmPaymentFlow with manual capture (requires_capture). */
  flowToConfirmForCapture: 'pfw_9Qe4Lh1Vc7',
  /** requires_capture, 4,000 yen by `expiringCard`, its authorization lapsed (expired_at), for capture's payment_flow_expired. */
  expiredFlow: 'pfw_3Vn9Kx2Hb6',
  /** `secondCustomer`'s card whose authorizations lapse at once (tok_authorization_expired), paying `expiredFlow`. */
  expiringCard: 'pm_4Ke8Wr2Tn5',

  /** `paymentFlow`'s refund. */
  refund: 'pyr_7Tn3Wc5Ja2',
  /** needs_response, on `disputedFlow`. */
  dispute: 'dp_2Hx6Lb9Qe4',
  /** lost, with its chargeback transaction. */
  lostDispute: 'dp_5Ka1Tf3Wm8',
  /** `paymentFlow`'s payment transaction. */
  transaction: 'ptx_9Vd4Rs1Ym8',
  /** `paymentFlow`'s payment_flow.succeeded event. */
  event: 'evnt_7Gm3Tq9Wc2',
  /** The account's payment method configuration (card and PayPay on). */
  paymentMethodConfiguration: 'pmc_1Vb7Yt4Qe2',

  /** Succeeded: `customer` saved a card. */
  setupFlow: 'sfw_4Lk9Qp1Zs7',
  /** requires_payment_method, `customer`'s, for getSetupFlow and updateSetupFlow. */
  pendingSetupFlow: 'sfw_3Jm8Qt5Wd2',
  /** requires_payment_method, `secondCustomer`'s, for cancelSetupFlow. */
  setupFlowToCancel: 'sfw_6Rt3Hv8Nc2',
  /** canceled, `secondCustomer`'s: neither canceled nor updated again (invalid_status). */
  canceledSetupFlow: 'sfw_8Wd1Kc6Xp3',

  /** open, `customer`'s: two of `price` with `taxRate`. */
  checkoutSession: 'cs_9Qw3Er5Ty7',
  /** complete: paid by `customer`. */
  completeCheckoutSession: 'cs_3Kz8Wp1Df5',

  /** With `price` as default price. */
  product: 'prod_7Hk2Lm9Qx3',
  /** Without prices, for deleteProduct. */
  productToDelete: 'prod_3Vb6Nm1Qa8',
  /** 1,620 yen for `product`, lookup key coffee-ethiopia-200g. */
  price: 'price_4Tn8Wc1Zr6',
  /** 8 %, inclusive (reduced rate, JP). */
  taxRate: 'txr_2Jd5Bv7Yp0',

  /** Half-month terms, oldest first: two closed, the newest open (new transactions go there). */
  firstTerm: 'tm_4Gb8Nw2Kc6',
  secondTerm: 'tm_6Bq1Ws5Jz3',
  openTerm: 'tm_9Kd4Pv7Xr2',
  /** transfer, closed (the first term's). */
  closedBalance: 'ba_1Hs6Tm3Qe8',
  /** collecting (the second term's). */
  balance: 'ba_4Nf8Rk2Yp6',
  /** Sales statements of the first and the second term. */
  firstStatement: 'st_5Qw8Jt1Nc6',
  statement: 'st_2Vx7Hd4Lm9',
} as const;

export type ExampleObject = keyof typeof EXAMPLE_OBJECTS;

/** Every ID a fresh sandbox holds for the examples. */
export const EXAMPLE_IDS: ReadonlySet<string> = new Set(Object.values(EXAMPLE_OBJECTS));

/** The prefixes of object IDs (openapi/README.md, "Example IDs"): a string of an example that starts with one names an object. */
const ID_PREFIXES = ['cus', 'pm', 'pmc', 'pfw', 'sfw', 'pyr', 'dp', 'ptx', 'cs', 'li', 'prod', 'price', 'txr', 'evnt', 'ba', 'st', 'tm', 'car'];
const OBJECT_ID = new RegExp(`^(?:${ID_PREFIXES.join('|')})_[A-Za-z0-9_]+$`);

/** Whether a string of an example is an object ID (`cus_taro_yamada`), not a token (`tok_visa`) or text. */
export const isObjectId = (value: string): boolean => OBJECT_ID.test(value);

/** Example names whose request names an object that does not exist, on purpose. */
export const ABSENT_OBJECT_EXAMPLES: ReadonlySet<string> = new Set([
  'not_found',
  'resource_missing',
  'price_not_found_or_inactive',
  'tax_rate_not_found_or_inactive',
]);
