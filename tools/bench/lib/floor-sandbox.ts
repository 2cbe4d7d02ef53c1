// The sandbox in memory on PORT, but for its create of a customer, which answers a fixed customer: no
// validation, no store, no event. The sandbox bench measures it beside the real create: what the HTTP path
// around a handler costs (authentication, routing, reading and scanning the body, the answer), the floor
// under the create targets of issue 16.
import { createServer } from 'node:http';
import { createApp } from '../../../sandbox/http/app.ts';
import { ROUTES } from '../../../sandbox/resources/routes.ts';
import { seed } from '../../../sandbox/resources/seed.ts';
import { TABLES } from '../../../sandbox/state/state.ts';
import { Database } from '../../../sandbox/storage/database.ts';
import { Tenants } from '../../../sandbox/state/tenants.ts';

/** As the create the bench sends answers, field for field. */
const FIXED = {
  object: 'customer',
  id: 'cus_0VcTcnuDYpgm5sFSZzP0T26D',
  livemode: false,
  email: 'bench@example.jp',
  description: 'bench',
  default_payment_method_id: null,
  metadata: { source: 'bench' },
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};
if (!ROUTES.some((route) => route.operationId === 'createCustomer')) throw new Error('floor-sandbox: the sandbox has no createCustomer route');
const routes = ROUTES.map((route) => (route.operationId === 'createCustomer' ? { ...route, handle: () => ({ ...FIXED }) } : route));

const db = new Database(undefined, Object.values(TABLES));
const tenants = new Tenants(db, { origin: 'http://127.0.0.1', webhooks: undefined }, { isolate: false, seed });
createServer({ keepAliveTimeout: 10_000 }, createApp(db, tenants, {}, routes)).listen(Number(process.env['PORT']), '127.0.0.1');
