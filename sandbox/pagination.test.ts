// Cursor pagination: newest first, limit, starting_after / ending_before, has_more, stale cursors.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, sandboxClient } from './test-support.ts';

let client: Client;
let ids: string[] = []; // newest first, as lists answer
beforeAll(async () => {
  client = await sandboxClient();
  const before = (await client.ok('GET', '/v2/customers?limit=100')).data.map((c: { id: string }) => c.id);
  for (let i = 0; i < 25; i += 1) ids.unshift((await client.ok('POST', '/v2/customers', { description: `customer ${i}` })).id);
  ids = [...ids, ...before];
});
afterAll(() => client.close());

const page = async (query: string) => client.ok('GET', `/v2/customers?${query}`);
const idsOf = (list: { data: { id: string }[] }) => list.data.map((item) => item.id);

it('answers the newest 10 by default, with has_more', async () => {
  const first = await page('');
  expect(idsOf(first)).toEqual(ids.slice(0, 10));
  expect(first.has_more).toBe(true);
  expect(first.url).toBe('/v2/customers');
});

it('walks forward with starting_after and back with ending_before, without gaps or repeats', async () => {
  const seen: string[] = [];
  let cursor = '';
  for (;;) {
    const current = await page(`limit=7${cursor ? `&starting_after=${cursor}` : ''}`);
    seen.push(...idsOf(current));
    if (!current.has_more) break;
    cursor = seen.at(-1)!;
  }
  expect(seen).toEqual(ids);
  const back = await page(`limit=5&ending_before=${ids[12]}`);
  expect(idsOf(back)).toEqual(ids.slice(7, 12));
  expect(back.has_more).toBe(true);
  const top = await page(`limit=5&ending_before=${ids[3]}`);
  expect(idsOf(top)).toEqual(ids.slice(0, 3));
  expect(top.has_more).toBe(false);
});

it('takes limit from 1 to 100', async () => {
  expect(idsOf(await page('limit=1'))).toEqual(ids.slice(0, 1));
  expect(idsOf(await page('limit=100'))).toEqual(ids.slice(0, 100));
  for (const limit of ['0', '101', '-1', '1.5']) expect((await client.get(`/v2/customers?limit=${limit}`)).status).toBe(422);
});

it('answers resource_missing for the cursor of a deleted object', async () => {
  const gone = ids[4]!;
  await client.ok('DELETE', `/v2/customers/${gone}`);
  for (const name of ['starting_after', 'ending_before']) {
    const answer = await client.get(`/v2/customers?${name}=${gone}`);
    expect(answer.body.code).toBe('resource_missing');
    expect(answer.body.detail).toContain(name);
  }
});
