// A card whose expiry has passed is refused, as the API would: through the last day of its month in Japan.
// The sandbox's clock (the source startSandbox takes) is set either side of a month's end, so the test holds
// whenever it runs, the clock pass's five years ahead included.
import { afterEach, expect, it } from 'vitest';
import { type Client, cardBody, sandboxClient } from './test-support.ts';

let client: Client | undefined;
afterEach(() => client?.close());

/** A sandbox whose clock reads `utc`: one per test, since a sandbox's clock never goes back. */
const at = async (utc: string): Promise<void> => {
  const time = new Date(utc).getTime();
  client = await sandboxClient({ clock: { now: () => time } });
};
const create = (exp_month: number, exp_year: number) =>
  client!.post('/v2/payment_methods', { ...cardBody('tok_visa'), card: { ...cardBody('tok_visa').card, exp_month, exp_year } });

it('takes a card through the last day of its month in Japan', async () => {
  await at('2031-03-31T14:59:00Z'); // 23:59 on 31 March in Japan
  expect((await create(3, 2031)).status).toBe(200);
});

it('refuses a card whose month has passed, naming exp_month', async () => {
  await at('2031-03-31T15:00:00Z'); // midnight on 1 April in Japan
  const refused = await create(3, 2031);
  expect([refused.status, refused.body.code, refused.body.errors]).toEqual([
    422,
    'validation_error',
    [{ field: 'card.exp_month', message: 'The card has expired' }],
  ]);
  expect((await create(4, 2031)).status).toBe(200);
});

it('refuses a card whose year has passed, naming exp_year', async () => {
  await at('2031-01-15T00:00:00Z');
  const refused = await create(12, 2030);
  expect([refused.status, refused.body.errors]).toEqual([422, [{ field: 'card.exp_year', message: 'The card has expired' }]]);
});
