// What a create costs the store and its handler alone, in this process, without HTTP: the createCustomer
// route run in a unit of the store and its answer made JSON, as the sandbox runs them, on a fresh store, in
// memory or in a file committed every COMMIT_EVERY creates (the batches the group commit sees with 10
// connections: about 5.4 creates each, sandbox/README.md). The sandbox bench prints it beside the creates
// over HTTP, so that a create's cost splits into the HTTP path and the store.
import { answerJson } from '../../../sandbox/http/answer-json.ts';
import { call } from '../../../sandbox/resources/routes.ts';
import { seed } from '../../../sandbox/resources/seed.ts';
import { TABLES } from '../../../sandbox/state/state.ts';
import { Database } from '../../../sandbox/storage/database.ts';
import { Tenants } from '../../../sandbox/state/tenants.ts';

const COMMIT_EVERY = 6;

/** Wall-clock µs per create (the collector's share with it) over `count` creates of the JSON `body`. */
export async function storeCreateUs(file: string | undefined, body: string, count: number): Promise<number> {
  const db = new Database(file, Object.values(TABLES));
  const tenants = new Tenants(db, { origin: 'http://127.0.0.1', webhooks: undefined }, { isolate: false, seed });
  const tenant = tenants.tenantOf('');
  try {
    db.unit(() => tenants.state(tenant));
    await db.committed();
    const started = performance.now();
    for (let i = 1; i <= count; i += 1) {
      db.unit(() => answerJson(db, call(tenants.state(tenant), 'createCustomer', JSON.parse(body))));
      if (i % COMMIT_EVERY === 0) await db.committed();
    }
    await db.committed();
    return ((performance.now() - started) * 1000) / count;
  } finally {
    db.close();
  }
}
