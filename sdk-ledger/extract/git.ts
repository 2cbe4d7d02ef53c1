// Reads a fetched repository (a bare git directory) at one revision, without a work tree.
import { execFileSync } from 'node:child_process';

export interface Snapshot {
  gitDir: string;
  rev: string;
}

/** `<git dir>@<tag or commit>`, as the command line takes it. */
export function parseSnapshot(arg: string): Snapshot {
  const at = arg.lastIndexOf('@');
  if (at <= 0 || at === arg.length - 1) throw new Error(`'${arg}': expected <git dir>@<tag or commit>`);
  return { gitDir: arg.slice(0, at), rev: arg.slice(at + 1) };
}

const git = (snapshot: Snapshot, ...args: string[]): string =>
  execFileSync('git', ['--git-dir', snapshot.gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The files directly under `dir` at the snapshot's revision. */
export function listFiles(snapshot: Snapshot, dir: string): string[] {
  return git(snapshot, 'ls-tree', '--name-only', `${snapshot.rev}:${dir}`)
    .split('\n')
    .filter(Boolean)
    .map((name) => `${dir}/${name}`);
}

/** The files under `dir` whose text matches the extended regular expression `pattern`. */
export function grepFiles(snapshot: Snapshot, pattern: string, dir: string): string[] {
  try {
    return git(snapshot, 'grep', '-l', '-E', pattern, snapshot.rev, '--', dir)
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(snapshot.rev.length + 1));
  } catch {
    return []; // git grep exits 1 when nothing matches
  }
}

export function readFile(snapshot: Snapshot, path: string): string {
  return git(snapshot, 'show', `${snapshot.rev}:${path}`);
}

/** The commit a revision names, its date, and the repository's `owner/name` from its origin (or the directory). */
export function describe(snapshot: Snapshot): { commit: string; date: string; repository: string } {
  const commit = git(snapshot, 'rev-parse', `${snapshot.rev}^{commit}`).trim();
  const date = git(snapshot, 'log', '-1', '--format=%cI', commit).trim();
  let url = '';
  try {
    url = git(snapshot, 'config', '--get', 'remote.origin.url').trim();
  } catch {
    // A mirror without an origin: the directory names the repository (`owner+name/repo`).
  }
  const fromUrl = /github\.com[/:]([^/]+\/[^/.]+)/.exec(url)?.[1];
  const fromDir = /([^/]+)\+([^/]+)\/[^/]*\/?$/.exec(snapshot.gitDir);
  return { commit, date, repository: fromUrl ?? (fromDir ? `${fromDir[1]}/${fromDir[2]}` : snapshot.gitDir) };
}
