import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths.ts';
import { changelog } from './history.ts';

const git = (...args: string[]): string => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

describe('changelog', () => {
  it('diffs consecutive versions of this repository, newest first, each against the one before', async () => {
    const { entries, notes } = await changelog({ limit: 2 });
    const spec = git('-C', ROOT, 'log', '-n3', '--format=%h', '--', 'openapi/', ':(exclude)openapi/breaking-changes.yaml').split('\n');
    // A fresh clone has the whole history; three versions that changed the spec are the least this repository has.
    expect(spec).toHaveLength(3);
    expect(entries.map((entry) => [entry.commit.short, entry.base.short])).toEqual([
      [spec[0], spec[1]],
      [spec[1], spec[2]],
    ]);
    expect(notes).toContain('Only the last 2 changes are shown.');
  });

  it('says so when the clone is shallow, instead of failing', async () => {
    const clone = join(mkdtempSync(join(tmpdir(), 'payjp-diff-shallow-')), 'repo');
    git('clone', '--quiet', '--depth', '1', `file://${ROOT}`, clone);
    const { entries, notes } = await changelog({ repo: clone });
    expect(entries.length).toBeLessThanOrEqual(1);
    expect(notes.join(' ')).toContain('This clone is shallow');
  });

  it('says so when there is no history at all', async () => {
    const { entries, notes } = await changelog({ repo: mkdtempSync(join(tmpdir(), 'payjp-diff-nogit-')) });
    expect(entries).toEqual([]);
    expect(notes[0]).toMatch(/^No history to read/);
  });
});
