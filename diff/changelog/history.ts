// The changelog: the diff of each pair of consecutive versions in this repository's history, newest first. A
// version is a commit that changed openapi/ (the acknowledgements file aside), built by its own build; the last
// LIMIT of them are read, each built once per checkout (version-cache.ts). Versions whose own build refused them (the first commits, before every catalog code was
// answered) are skipped with a note; a shallow clone or no git at all gives fewer entries and says so.
import { execFileSync } from 'node:child_process';
import { ROOT } from '../../scripts/lib/paths.ts';
import { ACKNOWLEDGEMENTS_FILE } from '../lib/acknowledgements.ts';
import { compare } from '../lib/compare.ts';
import type { Finding } from '../lib/finding.ts';
import type { Version } from '../lib/version.ts';
import { buildCommitCached } from './version-cache.ts';

const LIMIT = 20;

export interface Commit {
  hash: string;
  short: string;
  /** The committer's date, ISO 8601. */
  date: string;
  subject: string;
}

export interface ChangelogEntry {
  commit: Commit;
  /** The version it is compared with: the previous one that built. */
  base: Commit;
  findings: Finding[];
}

export interface Changelog {
  entries: ChangelogEntry[];
  notes: string[];
}

const git = (repo: string, ...args: string[]): string =>
  execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 }).trim();

/** The last commits that changed the spec, oldest first: `limit + 1` of them (one more than the diffs to show) and one
 * more, if there is one, to tell that older ones were left out. */
function versions(repo: string, limit: number): Commit[] {
  const log = git(repo, 'log', `-n${limit + 2}`, '--format=%H%x09%h%x09%cI%x09%s', '--', 'openapi/', `:(exclude)${ACKNOWLEDGEMENTS_FILE}`);
  return log
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [hash, short, date, ...subject] = line.split('\t');
      return { hash: hash!, short: short!, date: date!, subject: subject.join('\t') };
    })
    .reverse();
}

export async function changelog({ repo = ROOT, limit = LIMIT } = {}): Promise<Changelog> {
  let all: Commit[];
  let shallow: boolean;
  try {
    shallow = git(repo, 'rev-parse', '--is-shallow-repository') === 'true';
    all = versions(repo, limit);
  } catch (error) {
    return { entries: [], notes: [`No history to read (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`] };
  }
  const commits = all.slice(-(limit + 1));
  const notes: string[] = [];
  const refused: Commit[] = [];
  // Each diff starts as soon as its head is built: oasdiff runs in its own process while the next version builds.
  const pending: Promise<ChangelogEntry | Error>[] = [];
  let previous: [Commit, Version] | null = null;
  for (const commit of commits) {
    let version: Version;
    try {
      version = await buildCommitCached(commit.hash, commit.short, repo);
    } catch {
      refused.push(commit);
      continue;
    }
    if (previous) {
      const [base, before] = previous;
      pending.push(
        compare(before, version, { acknowledge: false }).then(
          ({ findings }) => ({ commit, base, findings }),
          (error: unknown) => new Error(`${base.short}..${commit.short}: ${error instanceof Error ? error.message : String(error)}`),
        ),
      );
    }
    previous = [commit, version];
  }
  const entries = await Promise.all(pending);
  const failed = entries.find((entry) => entry instanceof Error);
  if (failed) throw failed;
  if (refused.length > 0) {
    notes.push(`Not built by their own build, so left out: ${refused.map((c) => `${c.short} (${c.subject})`).join('; ')}.`);
  }
  if (all.length > commits.length) notes.push(`Only the last ${limit} changes are shown.`);
  if (shallow) notes.push('This clone is shallow: older versions are not available here (`git fetch --unshallow` reads them).');
  return { entries: (entries as ChangelogEntry[]).reverse(), notes };
}
