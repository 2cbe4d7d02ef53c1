// The changelog's historical builds, kept by commit in a git-ignored folder (.cache/changelog/): a commit's own
// build of its own sources gives the same version every time, so each is built once per checkout. The key holds
// the lockfile's digest too: the libraries the build borrows (Redocly) are this checkout's. A refusal is kept
// as well, so that a commit its own build refused is not built again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/paths.ts';
import { buildCommit } from '../lib/load-version.ts';
import type { Version } from '../lib/version.ts';

export const CACHE = join(ROOT, '.cache/changelog');

type Entry = { version: Omit<Version, 'label'> } | { refused: string };

const librariesDigest = (): string =>
  createHash('sha256')
    .update(readFileSync(join(ROOT, 'package-lock.json')))
    .digest('hex')
    .slice(0, 16);

function read(file: string): Entry | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Entry;
  } catch {
    return undefined;
  }
}

/** `buildCommit`, from the cache when this commit was built before with the same libraries. */
export async function buildCommitCached(commit: string, label: string, repo = ROOT, cache = CACHE): Promise<Version> {
  const file = join(cache, `${commit}-${librariesDigest()}.json`);
  let entry = read(file);
  if (!entry) {
    entry = await buildCommit(commit, label, repo).then(
      ({ label: _, ...version }): Entry => ({ version }),
      (error: unknown): Entry => ({ refused: error instanceof Error ? error.message : String(error) }),
    );
    mkdirSync(cache, { recursive: true });
    // Written aside and renamed, so that a run reading it beside this one never sees half a file.
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(entry));
    renameSync(`${file}.${process.pid}`, file);
  }
  if ('refused' in entry) throw new Error(entry.refused);
  return { label, ...entry.version };
}
