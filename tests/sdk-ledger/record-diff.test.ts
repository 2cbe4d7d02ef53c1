// What changed between two records, keyed as the comparison keys facts.
import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../sdk-ledger/record.ts';
import { diffRecords } from '../../sdk-ledger/record-diff.ts';

const record = (generation: string, nullable: boolean, statuses: string[], titles: string[]): LedgerRecord => ({
  generation,
  sources: [],
  operations: {
    createWidget: {
      method: 'POST',
      path: '/v2/widgets',
      query: [],
      statuses: Object.fromEntries(statuses.map((s) => [s, { titles: s === '400' ? titles : [], from: ['php'], titlesFrom: [] }])),
      from: ['php'],
    },
  },
  models: { Widget: { kind: 'object', fields: [{ name: 'color', type: { type: 'string' }, required: false, nullable }], from: ['php'] } },
  disagreements: [],
});

describe('the difference between two records', () => {
  it('lists each added, dropped and changed fact', () => {
    expect(diffRecords(record('1.0.5', true, ['200', '400'], ['Widget Gone']), record('1.1.0', false, ['200', '400', '402'], ['Widget Too Big']))).toEqual([
      '+ title createWidget 400 Widget Too Big',
      '+ status createWidget 402',
      '~ nullable Widget.color: true → false',
      '- title createWidget 400 Widget Gone',
    ]);
  });
});
