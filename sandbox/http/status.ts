// GET /sandbox/status (no key, among the sandbox's own pages): where the objects are kept, whether keys are
// isolated, and the process's memory, for a sandbox left running (and the load test's memory bound). The
// heap is measured after a collection when the process runs with --expose-gc, so that it is what is live.
import type { ServerResponse } from 'node:http';
import type { Database } from '../storage/database.ts';
import type { Tenants } from '../state/tenants.ts';

export function statusPage(db: Database, tenants: Tenants, res: ServerResponse): void {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  const text = `${JSON.stringify(
    {
      object: 'sandbox.status',
      store: db.file === undefined ? 'memory' : 'file',
      file: db.file ?? null,
      isolate_keys: tenants.isolated,
      tenants: tenants.count,
      memory: { heap_used_bytes: heapUsed, rss_bytes: rss },
    },
    null,
    2,
  )}\n`;
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
