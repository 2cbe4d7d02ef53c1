// A card whose expiry has passed is refused, as the API would: through the last day of its month in Japan.
// The clock is vitest's (Date alone), set either side of a month's end, so the test holds whenever it runs.
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { type Client, cardBody, sandboxClient } from './test-support.ts';

let client: Client;
beforeAll(async () => {
  client = await sandboxClient();
});
afterAll(() => client.close());
afterEach(() => vi.useRealTimers());

const at = (utc: string): void => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(utc));
};
const create = (exp_month: number, exp_year: number) =>
  client.post('/v2/payment_methods', { ...cardBody('tok_visa'), card: { ...cardBody('tok_visa').card, exp_month, exp_year } });

it('takes a card through the last day of its month in Japan', async () => {
  at('2031-03-31T14:59:00Z'); // 23:59 on 31 March in Japan
  expect((await create(3, 2031)).status).toBe(200);
});

it('refuses a card whose month has passed, naming exp_month', async () => {
  at('2031-03-31T15:00:00Z'); // midnight on 1 April in Japan
  const refused = await create(3, 2031);
  expect([refused.status, refused.body.code, refused.body.errors]).toEqual([
    422,
    'validation_error',
    [{ field: 'card.exp_month', message: 'The card has expired' }],
  ]);
  expect((await create(4, 2031)).status).toBe(200);
});

it('refuses a card whose year has passed, naming exp_year', async () => {
  at('2031-01-15T00:00:00Z');
  const refused = await create(12, 2030);
  expect([refused.status, refused.body.errors]).toEqual([422, [{ field: 'card.exp_year', message: 'The card has expired' }]]);
});
