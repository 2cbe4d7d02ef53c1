// The changelog's builds are kept by commit: the second read of a commit is the file, not a build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths.ts';
import { buildCommitCached } from './version-cache.ts';

const head = execFileSync('git', ['-C', ROOT, 'log', '-n1', '--format=%H', '--', 'openapi/'], { encoding: 'utf8' }).trim();

it('builds a commit once, then reads it from the cache under the label asked for', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'payjp-changelog-cache-'));
  const built = await buildCommitCached(head, 'first', ROOT, cache);
  expect(built.label).toBe('first');
  const [file] = readdirSync(cache);
  expect(file).toMatch(new RegExp(`^${head}-[0-9a-f]{16}\\.json$`));
  // Marked in the file: a second read that built again would not show it.
  const entry = JSON.parse(readFileSync(join(cache, file!), 'utf8'));
  entry.version.document.info.title = 'read from the cache';
  writeFileSync(join(cache, file!), JSON.stringify(entry));
  const again = await buildCommitCached(head, 'second', ROOT, cache);
  expect([again.label, (again.document['info'] as { title: string }).title]).toEqual(['second', 'read from the cache']);
});

it('keeps a refusal too, and refuses again without building', async () => {
  const cache = mkdtempSync(join(tmpdir(), 'payjp-changelog-cache-'));
  // A commit this repository does not have cannot be built.
  const missing = '0'.repeat(40);
  await expect(buildCommitCached(missing, 'missing', ROOT, cache)).rejects.toThrow();
  const [file] = readdirSync(cache);
  writeFileSync(join(cache, file!), JSON.stringify({ refused: 'kept' }));
  await expect(buildCommitCached(missing, 'missing', ROOT, cache)).rejects.toThrow('kept');
});
