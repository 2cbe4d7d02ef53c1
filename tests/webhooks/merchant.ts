// A merchant's receiver, as the webhooks guide describes it: verify each delivery (token, then payload),
// act on each event once (deduplicated by its ID), and catch up from the events list with a cursor, which
// brings in what was never delivered.
import { type Received, type TestReceiver, startReceiver } from '../../contract-core/testing/webhook-receiver.ts';
import { WebhookRejected, verifyWebhook } from '../../webhooks/verify.ts';
import type { Event } from '../../webhooks/spec.ts';
import type { Client } from '../../sandbox/test-support.ts';

export interface Merchant {
  receiver: TestReceiver;
  /** Every event acted on, once each, in the order acted on. */
  handled: Event[];
  /** Deliveries of events already handled: acknowledged, not acted on. */
  duplicates: number;
  /** The newest event it knows of in the events list: set it when the receiver starts listening. */
  cursor: string | undefined;
  /** Fetches every event newer than the cursor and acts on those not yet handled; returns how many. */
  reconcile(client: Client): Promise<number>;
}

/**
 * Starts the receiver; `status(request, n)` may override the answer to the n-th delivery of an event (to
 * play a receiver that fails for a while).
 */
export async function startMerchant(token: string, status?: (request: Received, attempt: number) => number | undefined): Promise<Merchant> {
  const handled: Event[] = [];
  const seen = new Set<string>();
  const attempts = new Map<string, number>();
  const handle = (event: Event): boolean => {
    if (seen.has(event.id)) return false;
    seen.add(event.id);
    handled.push(event);
    return true;
  };
  const merchant: Merchant = {
    receiver: await startReceiver((request) => {
      const attempt = (attempts.get(request.eventId ?? '') ?? 0) + 1;
      attempts.set(request.eventId ?? '', attempt);
      const override = status?.(request, attempt);
      if (override !== undefined) return override;
      try {
        if (!handle(verifyWebhook(request, { token }).event)) merchant.duplicates += 1;
        return 200;
      } catch (error) {
        if (error instanceof WebhookRejected) return error.status;
        throw error;
      }
    }),
    handled,
    duplicates: 0,
    cursor: undefined,
    async reconcile(client) {
      if (merchant.cursor === undefined) throw new Error('reconcile: set the cursor when the receiver starts listening');
      let count = 0;
      // The list is newest first: page towards the newest with ending_before, each page oldest first.
      for (let more = true; more; ) {
        const page = await client.ok('GET', `/v2/events?limit=100&ending_before=${merchant.cursor}`);
        for (const event of (page.data as Event[]).toReversed()) {
          if (handle(event)) count += 1;
          merchant.cursor = event.id;
        }
        more = page.has_more;
      }
      return count;
    },
  };
  return merchant;
}

/** The newest event now: where a merchant that starts listening starts its cursor. */
export const newestEvent = async (client: Client): Promise<string> => (await client.ok('GET', '/v2/events?limit=1')).data[0].id;

/** Every event newer than `cursor`, oldest first. */
export async function eventsSince(client: Client, cursor: string): Promise<Event[]> {
  const out: Event[] = [];
  for (let more = true; more; ) {
    const page = await client.ok('GET', `/v2/events?limit=100&ending_before=${cursor}`);
    const oldestFirst = (page.data as Event[]).toReversed();
    out.push(...oldestFirst);
    cursor = oldestFirst.at(-1)?.id ?? cursor;
    more = page.has_more;
  }
  return out;
}
