// The delivery log over HTTP, among the sandbox's own pages (no API key, not in the API's namespace):
//   GET /sandbox/webhooks                              what is configured, deliveries under way, lost events
//   GET /sandbox/webhooks/deliveries?event_id=evnt_…   that event's deliveries, oldest first
//   GET /sandbox/webhooks/deliveries[?limit=100]       the newest deliveries of any event (limit 1-1000)
// Each is the key's own when keys are isolated, under /tenants/<ref>/sandbox/webhooks (tenants.ts).
import type { ServerResponse } from 'node:http';
import type { SandboxEvent } from '../state/model.ts';
import type { WebhookDispatcher } from '../webhooks/dispatcher.ts';

/** A JSON answer of the sandbox's own pages. */
export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Whose log a page shows: the tenant and its events; undefined when keys are isolated and the URL names none. */
export interface LogScope {
  tenant: string;
  event(id: string): SandboxEvent | undefined;
}

export function webhookPage(
  dispatcher: WebhookDispatcher | undefined,
  scope: LogScope | undefined,
  res: ServerResponse,
  page: string,
  query: URLSearchParams,
): void {
  if (!dispatcher)
    return json(res, 404, { error: 'Webhooks are not configured: start the sandbox with SANDBOX_WEBHOOK_URLS (or the webhooks option of startSandbox).' });
  if (!scope)
    return json(res, 404, {
      error: "Keys are isolated: each key's delivery log is at /tenants/<ref>/sandbox/webhooks (GET /sandbox/tenant with the key gives its URL).",
    });
  if (page === '') return json(res, 200, dispatcher.summary(scope.tenant));
  if (page !== 'deliveries') return json(res, 404, { error: `Nothing here: /sandbox/webhooks/${page}` });
  const eventId = query.get('event_id');
  if (eventId !== null) {
    const found = scope.event(eventId);
    if (!found) return json(res, 404, { error: `No event ${eventId} (an event lost by the lost-event fault was never created).` });
    return json(res, 200, { event_id: eventId, pending_webhooks: found.pending_webhooks, data: dispatcher.log.of(eventId, scope.tenant) });
  }
  const limit = query.get('limit') ?? '100';
  if (!/^\d{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > 1000)
    return json(res, 400, { error: `limit must be an integer from 1 to 1000 (got ${JSON.stringify(limit)})` });
  json(res, 200, { data: dispatcher.log.recent(Number(limit), scope.tenant) });
}
