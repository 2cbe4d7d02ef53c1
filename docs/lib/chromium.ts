// The docs browser test's Chromium, driven by playwright-core: by default the one @sparticuz/chromium ships inside
// its npm package, with fonts that come from npm too (Noto Sans JP for Japanese, Noto Sans Mono for code), so
// the test and its screenshots depend on nothing installed on the machine. CHROMIUM_PATH names a browser of
// one's own instead (it then uses the machine's fonts). Flags keep it from calling home (component updates,
// sync, background requests, QUIC: no test may reach the internet); a fresh profile per launch.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { chromium, type BrowserContext } from 'playwright-core';
import { decompress } from 'woff2-encoder';
import { ROOT } from '../../contract-core/files.ts';

/** A browser of one's own (e.g. Debian's /usr/bin/chromium), used instead of the packaged one when set. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'];
const NO_NETWORK = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/**
 * The packaged browser's own flags (headless shell, single process, no sandbox) less the two that loosen what a
 * page may do: the test sees the site as a reader's browser would.
 */
const PACKAGED_ARGS = sparticuz.args.filter((arg) => !['--disable-web-security', '--allow-running-insecure-content'].includes(arg));
/** The fonts' npm packages: their variable-weight WOFF2 files, turned into TrueType (a browser's system fonts cannot be WOFF2). */
const FONT_PACKAGES = ['@fontsource-variable/noto-sans-jp', '@fontsource-variable/noto-sans-mono'];

/** An installed package's folder (not every one exports its package.json). */
const packageDir = (name: string): string => join(ROOT, 'node_modules', name);
const version = (name: string): string => JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
/** Where the packaged browser and its fonts are unpacked, once per version of the packages (npm ci starts afresh). */
const CACHE = join(ROOT, 'node_modules/.cache/payjp-docs-chromium', ['@sparticuz/chromium', ...FONT_PACKAGES].map(version).join('-'));

/** Noto Sans JP's family name in @fontsource-variable's files: the name of the variable font's first instance. */
const JAPANESE_FAMILY = 'Noto Sans JP Thin';

/** fontconfig's configuration: our fonts alone, the generic families mapped to them. */
const fontsConf = (fonts: string): string => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${fonts}</dir>
  <cachedir>${join(CACHE, 'fontconfig')}</cachedir>
${['sans-serif', 'sans', 'serif', 'system-ui', 'ui-sans-serif']
  .map((family) => `  <alias><family>${family}</family><prefer><family>${JAPANESE_FAMILY}</family></prefer></alias>`)
  .join('\n')}
${['monospace', 'ui-monospace', 'Courier', 'Courier New']
  .map(
    (family) => `  <alias binding="same"><family>${family}</family><prefer><family>Noto Sans Mono</family><family>${JAPANESE_FAMILY}</family></prefer></alias>`,
  )
  .join('\n')}
  <!-- Any other family (Chromium asks for "sans" as its UI font) ends in Noto Sans JP rather than in whichever font comes first. -->
  <match target="pattern"><edit name="family" mode="append_last"><string>${JAPANESE_FAMILY}</string></edit></match>
</fontconfig>
`;

/**
 * Unpacks the packaged browser and the fonts into CACHE, once. @sparticuz/chromium unpacks into os.tmpdir()
 * itself, and reuses whatever /tmp/chromium holds whatever its version: it runs here in a child whose TMPDIR is
 * a folder of ours, renamed into place when complete, so that a concurrent run never starts a half-written file.
 */
async function unpack(): Promise<void> {
  if (existsSync(CACHE)) return;
  const part = `${CACHE}.part-${process.pid}`;
  rmSync(part, { recursive: true, force: true });
  mkdirSync(join(part, 'ttf'), { recursive: true });
  const script = "const { default: chromium } = await import('@sparticuz/chromium'); await chromium.executablePath();";
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, TMPDIR: part }, stdio: 'pipe' });
  for (const name of FONT_PACKAGES) {
    const files = join(packageDir(name), 'files');
    for (const file of readdirSync(files).filter((f) => f.endsWith('-wght-normal.woff2'))) {
      writeFileSync(join(part, 'ttf', file.replace(/\.woff2$/, '.ttf')), await decompress(readFileSync(join(files, file))));
    }
  }
  writeFileSync(join(part, 'fonts.conf'), fontsConf(join(CACHE, 'ttf')));
  try {
    renameSync(part, CACHE);
  } catch (error) {
    rmSync(part, { recursive: true, force: true });
    if (!existsSync(CACHE)) throw error; // else another run finished first
  }
}

interface Executable {
  path: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

/** The browser to launch: CHROMIUM_PATH's, or the packaged one (unpacked on first use, a few seconds). */
export async function chromiumExecutable(): Promise<Executable> {
  if (CHROMIUM_PATH) {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH names no file: ${CHROMIUM_PATH}`);
    return { path: CHROMIUM_PATH, args: ['--no-sandbox', ...NO_NETWORK] };
  }
  await unpack();
  return { path: join(CACHE, 'chromium'), args: [...PACKAGED_ARGS, ...NO_NETWORK], env: { ...process.env, FONTCONFIG_FILE: join(CACHE, 'fonts.conf') } };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** `locale` sets the browser's language (navigator.language, Accept-Language), for the pages that follow it. */
export async function launchChromium({ locale }: { locale?: string } = {}): Promise<Browser> {
  const executable = await chromiumExecutable();
  const profile = mkdtempSync(join(tmpdir(), 'payjp-docs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executable.path,
    headless: true,
    args: executable.args,
    ...(executable.env ? { env: executable.env } : {}),
    viewport: { width: 1280, height: 900 },
    ...(locale ? { locale } : {}),
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
