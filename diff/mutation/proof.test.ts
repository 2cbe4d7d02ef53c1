// The mutation proof in npm test: every single change found at its severity and pointer, the no-op rewrite
// clean for our checker and oasdiff alike, and the README's table saying what was measured.
import { beforeAll, describe, expect, it } from 'vitest';
import { MUTATIONS } from './mutations.ts';
import { proofTable, runProof, type Outcome } from './proof.ts';
import { readmeTable } from './readme-table.ts';

let outcomes: Outcome[];
beforeAll(async () => {
  outcomes = await runProof();
});

describe('mutation proof of the checker', () => {
  it('has at least 20 single changes and a no-op', () => {
    expect(MUTATIONS.filter((m) => m.expect !== null).length).toBeGreaterThanOrEqual(20);
    expect(MUTATIONS.filter((m) => m.expect === null)).toHaveLength(1);
  });

  it.each(MUTATIONS.map((mutation, i) => [mutation.name, i] as const))('%s', (_name, i) => {
    const { mutation, ours, oasdiff, passed } = outcomes[i]!;
    const reported = ours.map((f) => `${f.severity} ${f.check} ${f.operation} ${f.pointer}`);
    expect(passed, `expected ${JSON.stringify(mutation.expect)}; reported:\n${reported.join('\n')}\noasdiff: ${oasdiff.length}`).toBe(true);
  });

  it("README.md shows this run's table (our column exactly; oasdiff's counts move with the spec)", () => {
    const ours = (table: string | null): string[] =>
      (table ?? '')
        .split('\n')
        .filter((line) => line.startsWith('| '))
        .map((line) => line.split(' | ').slice(0, 3).join(' | '));
    expect(ours(readmeTable()), 'README.md is out of date: npm run test:diff-mutation -- --readme').toEqual(ours(proofTable(outcomes)));
  });
});
