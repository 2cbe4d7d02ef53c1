// The delivery timing the sandbox applies (contract-core/webhook-delivery.ts) is the timing the spec and
// the guide state, word for word; and the guide grades the event types as the webhooks do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DELIVERY_TIMEOUT_MS, RETRY_SCHEDULE_S } from '../../contract-core/webhook-delivery.ts';
import { BUNDLE_FILE, ROOT } from '../../contract-core/files.ts';

const words = (seconds: number): string => (seconds % 3600 === 0 ? `${seconds / 3600} h` : `${seconds / 60} min`);
const schedule = RETRY_SCHEDULE_S.map(words);
const retries = `retried after ${schedule.slice(0, -1).join(', ')} and ${schedule.at(-1)}`;
const timeout = `waits ${DELIVERY_TIMEOUT_MS / 1000} s`;

it('the spec’s Events tag states the timeout and retry schedule of contract-core', () => {
  const bundle = JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) as { tags: { name: string; description: string }[] };
  const events = bundle.tags.find((tag) => tag.name === 'Events')!.description.replace(/\s+/g, ' ');
  expect(events).toContain(retries);
  expect(events).toContain(timeout);
  expect(events).toContain(`(${RETRY_SCHEDULE_S.length + 1} attempts in all)`);
});

it('the webhooks guide states them too', () => {
  const text = readFileSync(join(ROOT, 'docs/guides/08-webhooks.md'), 'utf8').replace(/\s+/g, ' ');
  expect(text).toContain(retries);
  expect(text).toContain(timeout);
});

it('the webhooks guide says which event types PAY.JP publishes, as each webhook grades its type', () => {
  const text = readFileSync(join(ROOT, 'docs/guides/08-webhooks.md'), 'utf8').replace(/\s+/g, ' ');
  const named = /Events and Webhooks\* names \w+ of the types this reference documents \(([^)]*)\); (.*?) is our reading/.exec(text);
  expect(named, 'the sentence naming the published types').not.toBeNull();
  const listed = (part: string): string[] => [...part.matchAll(/`([\w.]+)`/g)].map(([, type]) => type!).sort();
  const { webhooks } = JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) as {
    webhooks: Record<string, { post: { 'x-evidence'?: { event_type?: { source: string } } } }>;
  };
  const graded = (published: boolean): string[] =>
    Object.entries(webhooks)
      .filter(([, w]) => (w.post['x-evidence']?.event_type?.source === 'published') === published)
      .map(([type]) => type)
      .sort();
  expect(listed(named![1]!)).toEqual(graded(true));
  expect(listed(named![2]!)).toEqual(graded(false));
});
