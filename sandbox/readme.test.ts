// sandbox/README.md lists the test cards by hand: every card of contract-core/test-cards.ts must be there, as it is.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { TEST_CARDS } from '../contract-core/test-cards.ts';

it('lists every test card with its brand and last 4 digits', () => {
  const readme = readFileSync(new URL('README.md', import.meta.url), 'utf8');
  const rows = new Map([...readme.matchAll(/^\| `(tok_\w+)` \| ([^|]+) \|/gm)].map(([, token, card]) => [token!, card!.trim()]));
  for (const card of TEST_CARDS) expect(rows.get(card.token), card.token).toBe(`${card.brand} ${card.last4}`);
});
