// The key rule as a client meets it: a key the rule refuses is told the rule, in the 401's detail.
import { expect, test } from 'vitest';
import { TEST_SECRET_KEY_RULE, authenticate } from './credentials.ts';

test('a test key with other characters after sk_test_ is refused, the detail stating the rule', () => {
  expect(authenticate(['Bearer sk_test_merchant_dx'])).toEqual({ ok: false, detail: `Invalid API key provided: ${TEST_SECRET_KEY_RULE}.` });
  expect(TEST_SECRET_KEY_RULE).toContain('sk_test_ followed by letters and digits only');
  expect(authenticate(['Bearer sk_test_merchantDx1'])).toEqual({ ok: true, key: 'sk_test_merchantDx1', publishable: false });
});
