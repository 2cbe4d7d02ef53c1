// Payment method configurations: which payment method types the account offers, card, PayPay and Apple Pay
// (its setting since PAY.JP's SDK 1.0.6) (read and update only,
// seeded at start); a type turned off here is refused wherever it is named (payment-methods.ts).
import type { ApiRequest, Route } from './route.ts';
import type { PaymentMethodConfiguration, PaymentMethodConfigurationSetting } from '../state/model.ts';
import { boolean, literal, nullable, object, optional, parse, string } from './validate.ts';
import { find, list } from './common.ts';

const displayPreference = nullable(object({ preference: literal('none', 'off', 'on') }));
const settingRequest = optional(nullable(object({ display_preference: optional(displayPreference) })));
const configurationUpdate = object({
  active: optional(nullable(boolean())),
  name: optional(nullable(string())),
  card: settingRequest,
  paypay: settingRequest,
  apple_pay: settingRequest,
});

const configurationOf = (request: ApiRequest): PaymentMethodConfiguration =>
  find(request.state.paymentMethodConfigurations, request.params['payment_method_configuration_id']!, 'payment method configuration');

/** `none` uses PAY.JP's default, which is on; `off` makes the type unusable for the account (payment-methods.ts). */
function applySetting(setting: PaymentMethodConfigurationSetting, preference: 'none' | 'off' | 'on' | undefined): void {
  if (preference === undefined) return;
  const value = preference === 'off' ? 'off' : 'on';
  Object.assign(setting, { available: value === 'on', display_preference: { preference, value } });
}

function updateConfiguration(request: ApiRequest): PaymentMethodConfiguration {
  const configuration = configurationOf(request);
  const body = parse(configurationUpdate, request.body);
  if (body.active !== undefined && body.active !== null) configuration.active = body.active;
  if (body.name !== undefined) configuration.name = body.name;
  applySetting(configuration.card, body.card?.display_preference?.preference);
  applySetting(configuration.paypay, body.paypay?.display_preference?.preference);
  applySetting(configuration.apple_pay, body.apple_pay?.display_preference?.preference);
  return configuration;
}

export const paymentMethodConfigurationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v2/payment_method_configurations',
    operationId: 'getAllPaymentMethodConfigurations',
    handle: (r) => list(r.state.paymentMethodConfigurations.values(), r),
  },
  {
    method: 'GET',
    path: '/v2/payment_method_configurations/{payment_method_configuration_id}',
    operationId: 'getPaymentMethodConfiguration',
    handle: configurationOf,
  },
  {
    method: 'POST',
    path: '/v2/payment_method_configurations/{payment_method_configuration_id}',
    operationId: 'updatePaymentMethodConfiguration',
    body: 'required',
    handle: updateConfiguration,
  },
];
