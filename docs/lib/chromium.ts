// Debian's Chromium driven by playwright-core, with the flags that keep it from calling home (component
// updates, sync, background requests, QUIC: no test may reach the internet) and a fresh profile per launch.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const chromiumInstalled = (): boolean => existsSync(CHROMIUM_PATH);

/** CI=true (or any value but "false"/"0"): a missing browser is a failure there, not a skip. */
export const inCi = (): boolean => !['', '0', 'false'].includes((process.env['CI'] ?? '').toLowerCase());

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** `locale` sets the browser's language (navigator.language, Accept-Language), for the pages that follow it. */
export async function launchChromium({ locale }: { locale?: string } = {}): Promise<Browser> {
  if (!chromiumInstalled()) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  const profile = mkdtempSync(join(tmpdir(), 'payjp-docs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
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
