// The delivery log keeps the deliveries of the newest events only, however many come.
import { expect, it } from 'vitest';
import { type DeliveryRecord, DeliveryLog } from './log.ts';

const record = (event: number, endpoint = 'http://127.0.0.1:1/'): DeliveryRecord => ({
  id: `whdl_${event}_${endpoint}`,
  event_id: `evnt_${event}`,
  event_type: 'customer.created',
  endpoint,
  injected: null,
  status: 'pending',
  attempts: [],
  next_attempt_at: null,
  note: null,
});

it('keeps from half its bound to its bound of the newest events, and answers the newest first', () => {
  const log = new DeliveryLog(6);
  for (let event = 1; event <= 10; event += 1) {
    log.add(record(event), '');
    log.add(record(event, 'http://127.0.0.1:2/'), '');
  }
  // Generations of 3 events: 1-3, 4-6, 7-9, 10; the two newest are kept.
  for (let event = 1; event <= 6; event += 1) expect(log.of(`evnt_${event}`, '')).toEqual([]);
  expect(log.of('evnt_7', '').map((delivery) => delivery.endpoint)).toEqual(['http://127.0.0.1:1/', 'http://127.0.0.1:2/']);
  expect(log.recent(100, '').map((delivery) => delivery.event_id)).toEqual(['evnt_10', 'evnt_10', 'evnt_9', 'evnt_9', 'evnt_8', 'evnt_8', 'evnt_7', 'evnt_7']);
  expect(log.recent(3, '')).toHaveLength(3);
});

it("keeps each tenant's deliveries its own, for the same event ID too (seeded IDs are every tenant's)", () => {
  const log = new DeliveryLog(10);
  log.add(record(1), 'a');
  log.add(record(1, 'http://127.0.0.1:2/'), 'b');
  log.add(record(2), 'b');
  expect(log.of('evnt_1', 'a').map((delivery) => delivery.endpoint)).toEqual(['http://127.0.0.1:1/']);
  expect(log.of('evnt_1', 'b').map((delivery) => delivery.endpoint)).toEqual(['http://127.0.0.1:2/']);
  expect(log.of('evnt_2', 'a')).toEqual([]);
  expect(log.recent(10, 'a').map((delivery) => delivery.event_id)).toEqual(['evnt_1']);
  expect(log.recent(10, 'b').map((delivery) => delivery.event_id)).toEqual(['evnt_2', 'evnt_1']);
});
