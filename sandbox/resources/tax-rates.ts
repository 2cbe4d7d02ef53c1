// Tax rates: the consumption tax applied to checkout sessions' line items (inclusive or added on top).
import type { ApiRequest, Route } from './route.ts';
import type { TaxRate } from '../state/model.ts';
import { boolean, literal, metadata, number, object, optional, parse, string } from './validate.ts';
import { assign, filters, find, list, mergeMetadata } from './common.ts';

const taxRateCreate = object({
  display_name: string({ minLength: 1 }),
  inclusive: boolean(),
  percentage: number({ min: 0, max: 100 }),
  active: optional(boolean()),
  country: optional(literal('JP')),
  description: optional(string()),
  metadata: optional(metadata()),
});
const taxRateUpdate = object({
  active: optional(boolean()),
  country: optional(literal('JP')),
  description: optional(string()),
  display_name: optional(string({ minLength: 1 })),
  metadata: optional(metadata()),
});

const taxRateOf = (request: ApiRequest): TaxRate => find(request.state.taxRates, request.params['tax_rate_id']!, 'tax rate');

function createTaxRate({ state, body: raw }: ApiRequest): TaxRate {
  const body = parse(taxRateCreate, raw);
  const now = state.ids.timestamp();
  const rate = state.taxRates.add({
    object: 'tax_rate',
    id: state.ids.next('txr_'),
    livemode: false,
    display_name: body.display_name,
    inclusive: body.inclusive,
    percentage: body.percentage,
    active: body.active ?? true,
    country: body.country ?? null,
    description: body.description ?? null,
    metadata: mergeMetadata({}, body.metadata),
    created_at: now,
    updated_at: now,
  });
  state.emit('tax_rate.created', rate);
  return rate;
}

function updateTaxRate(request: ApiRequest): TaxRate {
  const rate = taxRateOf(request);
  const body = parse(taxRateUpdate, request.body);
  assign(request.state, rate, { ...body, metadata: mergeMetadata(rate.metadata, body.metadata) });
  request.state.emit('tax_rate.updated', rate);
  return rate;
}

/** The list, optionally only active (or inactive) rates, only inclusive (or exclusive) ones (PAY.JP's SDK 1.0.7). */
function taxRates(request: ApiRequest) {
  const query = filters(request.query, { active: 'boolean', inclusive: 'boolean' });
  const where = Object.fromEntries(Object.entries(query).map(([name, value]) => [name, String(value)]));
  return list(request.state.taxRates, request, where);
}

export const taxRateRoutes: Route[] = [
  { method: 'GET', path: '/v2/tax_rates', operationId: 'getAllTaxRates', handle: taxRates },
  { method: 'POST', path: '/v2/tax_rates', operationId: 'createTaxRate', body: 'required', handle: createTaxRate },
  { method: 'GET', path: '/v2/tax_rates/{tax_rate_id}', operationId: 'getTaxRate', handle: taxRateOf },
  { method: 'POST', path: '/v2/tax_rates/{tax_rate_id}', operationId: 'updateTaxRate', body: 'required', handle: updateTaxRate },
];
