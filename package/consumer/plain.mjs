// A user's plain JavaScript: the validator, the catalog and the bundle, imported from the package.
import { validateResponse } from 'payjp-v2-contract/validator';
import { ERROR_CATALOG, OPERATION_ERRORS, isProblemOf } from 'payjp-v2-contract/errors';
import spec from 'payjp-v2-contract/openapi.json' with { type: 'json' };

const customer = spec.paths['/v2/customers/{customer_id}'].get.responses['200'].content['application/json'].examples;
const example = Object.values(customer)[0];
const body = structuredClone('$ref' in example ? spec.components.examples[example.$ref.split('/').pop()].value : example.value);
const conforming = validateResponse('getCustomer', 200, { 'Content-Type': 'application/json' }, body);
delete body.email;
const broken = validateResponse('getCustomer', 200, new Headers({ 'content-type': 'application/json' }), JSON.stringify(body));
const declined = { type: ERROR_CATALOG.card_declined.type, title: 'Card Declined', status: 402, code: 'card_declined' };
console.log(
  JSON.stringify({
    conforming: conforming.ok,
    broken: broken.violations.map((v) => `${v.pointer}: ${v.message}`),
    cardDeclined: ERROR_CATALOG.card_declined.status,
    confirmCodes: OPERATION_ERRORS.confirmPaymentFlow.length,
    declinedIsConfirms: isProblemOf('confirmPaymentFlow', declined),
    declinedIsCreateCustomers: isProblemOf('createCustomer', declined),
    operations: Object.values(spec.paths).flatMap((item) => ['get', 'post', 'delete'].filter((method) => method in item)).length,
  }),
);
