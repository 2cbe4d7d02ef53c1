import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ACKNOWLEDGEMENTS_FILE, acknowledgementFor, loadAcknowledgements, matches } from './acknowledgements.ts';
import type { Change } from './finding.ts';

const checkout = (text: string | null): string => {
  const root = mkdtempSync(join(tmpdir(), 'payjp-diff-ack-'));
  mkdirSync(join(root, 'openapi'));
  if (text !== null) writeFileSync(join(root, ACKNOWLEDGEMENTS_FILE), text);
  return root;
};

const change: Change = {
  check: 'oasdiff:request-parameter-removed',
  operation: 'getAllCustomers',
  pointer: '/paths/~1v2~1customers/get',
  document: 'bundle',
  subject: 'query limit',
  message: 'deleted the `query` request parameter `limit`',
};

describe('acknowledgements', () => {
  it('are none without the file', () => {
    expect(loadAcknowledgements(checkout(null))).toEqual([]);
  });

  it('round-trip: the entry printed for a change, pasted with a reason, matches that change only', () => {
    const entry = acknowledgementFor(change).replace('<why this break is accepted, and who reviewed it>', 'page_size replaces it; reviewed by A.');
    const [ack] = loadAcknowledgements(checkout(`acknowledged:\n${entry.replace(/^/gm, '  ')}\n`));
    expect(ack).toMatchObject({ reason: 'page_size replaces it; reviewed by A.', source: `${ACKNOWLEDGEMENTS_FILE}:2` });
    expect(matches(ack!, change)).toBe(true);
    expect(matches(ack!, { ...change, subject: 'query starting_after' })).toBe(false);
    expect(matches(ack!, { ...change, operation: 'getAllPrices' })).toBe(false);
    expect(parse(entry)).toEqual([
      { check: change.check, operation: change.operation, pointer: change.pointer, subject: change.subject, reason: expect.any(String) },
    ]);
  });

  it('refuse an entry without a reason or with an unknown field, naming the file and line', () => {
    const base = '  - check: error-code-removed\n    operation: confirmPaymentFlow\n    pointer: /x\n';
    expect(() => loadAcknowledgements(checkout(`acknowledged:\n${base}`))).toThrow(`${ACKNOWLEDGEMENTS_FILE}:2: 'reason' must be a non-empty string`);
    expect(() => loadAcknowledgements(checkout(`# note\nacknowledged:\n${base}    reason: ok\n    ticket: 12\n`))).toThrow(
      `${ACKNOWLEDGEMENTS_FILE}:3: unknown field 'ticket'`,
    );
    expect(() => loadAcknowledgements(checkout('acknowledged: {}\n'))).toThrow(/expected a list under `acknowledged`/);
  });

  it('read null as "no operation" (catalog findings)', () => {
    const [ack] = loadAcknowledgements(checkout('acknowledged:\n  - {check: error-code-deleted, operation: null, pointer: /codes/x, reason: gone}\n'));
    expect(matches(ack!, { check: 'error-code-deleted', operation: null, pointer: '/codes/x', document: 'catalog', message: '' })).toBe(true);
  });
});
