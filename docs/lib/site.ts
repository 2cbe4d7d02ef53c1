// The whole docs site in docs/dist/ (reference, guides, error pages, changelog), built once for its inputs:
// each build leaves a digest of what it was built from, and the tests that need the site (docs/site.test.ts,
// the package's consumer test) take it as it is while that digest holds, so that `npm test` builds it once
// (`npm run docs`, beside the other static checks) instead of once per user.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../../contract-core/files.ts';
import { buildSpec } from '../../scripts/lib/build-spec.ts';
import { buildDocs } from './build.ts';
import { writeChangelogPage } from './changelog-page.ts';
import { DIST } from './paths.ts';

/** What the site is built from: the spec, the code that builds it, the libraries; and the history (the changelog's). */
const INPUTS = ['openapi', 'docs', 'scripts', 'contract-core', 'diff', 'generated', 'redocly.yaml', 'package-lock.json'];
const STAMP = '.inputs-digest';
/** Held by the process building (its PID in it): a lock whose process is gone was left by a build that died. */
const LOCK = `${DIST}.lock`;

/** The site's own files, inside the inputs' folders but no input: the site itself, and the lock of its build (its PID). */
const OUTPUTS = [DIST, LOCK].map((path) => relative(ROOT, path));

function filesOf(root: string, path: string): string[] {
  if (OUTPUTS.includes(relative(root, path)) || !existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesOf(root, join(path, name)));
}

/** A digest of every input file (name and content) and of the commit checked out. */
export function inputsDigest(root = ROOT): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => filesOf(root, join(root, input)))) hash.update(`${relative(root, file)}\0`).update(readFileSync(file));
  try {
    hash.update(execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    hash.update('no history');
  }
  return hash.digest('hex');
}

/** Builds the site into `outDir` and stamps it with its inputs; the files written. */
async function buildSite(outDir = DIST): Promise<string[]> {
  const digest = inputsDigest();
  const spec = await buildSpec();
  const japanese = await buildSpec(undefined, spec.catalog, 'ja');
  const files = [...(await buildDocs(spec, outDir, japanese)), ...(await writeChangelogPage(outDir, spec, japanese))];
  writeFileSync(join(outDir, STAMP), digest);
  return files;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const readStamp = (): string | undefined => (existsSync(join(DIST, STAMP)) ? readFileSync(join(DIST, STAMP), 'utf8') : undefined);

/**
 * The site in docs/dist/, built only if its inputs changed since it was, or `rebuild`; one build at a time, across
 * processes. The files written, none when the site was up to date.
 */
export async function siteOnce({ rebuild = false } = {}): Promise<string[]> {
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      if (!existsSync(LOCK)) continue;
      const holder = readFileSync(LOCK, { encoding: 'utf8', flag: 'r' }).trim();
      if (holder !== '' && !alive(Number(holder))) rmSync(LOCK, { force: true });
      await sleep(200);
    }
  }
  try {
    return rebuild || readStamp() !== inputsDigest() ? await buildSite() : [];
  } finally {
    rmSync(LOCK, { force: true });
  }
}
