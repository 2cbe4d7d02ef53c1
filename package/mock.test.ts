// The package's startMock does what its types say: no log by default, one line per request to `log`.
import { afterEach, expect, test, vi } from 'vitest';
import { startMock, type Mock } from './mock.ts';

let mock: Mock | undefined;
afterEach(async () => {
  await mock?.close();
  vi.restoreAllMocks();
});

const getCustomer = (url: string) => fetch(`${url}/v2/customers/cus_1`, { headers: { authorization: 'Bearer sk_test_packageMock' } });

test('logs nothing by default', async () => {
  const printed = vi.spyOn(process.stdout, 'write');
  const logged = vi.spyOn(console, 'log');
  mock = await startMock();
  expect((await getCustomer(mock.url)).status).toBe(200);
  await mock.close();
  mock = undefined;
  expect([printed.mock.calls, logged.mock.calls]).toEqual([[], []]);
});

test('gives `log` one line per request', async () => {
  const lines: string[] = [];
  mock = await startMock({ log: (line) => lines.push(line) });
  await getCustomer(mock.url);
  expect(lines).toEqual([expect.stringMatching(/^GET \/v2\/customers\/cus_1 200 [\d.]+ms$/)]);
});
