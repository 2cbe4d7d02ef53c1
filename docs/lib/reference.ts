// The API reference page: Redocly's `build-docs` with the Redoc bundle inlined, so the page needs no network.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { REDOCLY_CONFIG } from '../../scripts/lib/paths.ts';

const run = promisify(execFile);

function redoclyBin(): string {
  const manifest = createRequire(import.meta.url).resolve('@redocly/cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifest), bin['redocly']!);
}

// Redoc shows an "API docs by" badge whose <img> comes from Redocly's CDN, and it has no option to turn the
// badge off. The page is made offline by pointing the image at an inline SVG instead.
const CDN_LOGOS = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];
const LOCAL_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="14"><text x="0" y="11" font-family="sans-serif" font-size="11" fill="#555">Redocly</text></svg>',
)}`;

function offlineHtml(html: string): string {
  let out = html;
  for (const url of CDN_LOGOS) {
    if (!out.includes(url)) {
      throw new Error(`build-docs output no longer contains ${url}: check docs/lib/reference.ts against this Redocly version`);
    }
    out = out.replaceAll(url, LOCAL_LOGO);
  }
  return out;
}

/** The page of the same reference in the other language, reached at the same place (Redoc routes by hash). */
export interface LanguageSwitch {
  lang: 'en' | 'ja';
  other: { href: string; label: string; lang: 'en' | 'ja' };
}

/** A link to the other language that keeps the hash, and on the English page, a first visit from a browser
 *  whose language is Japanese goes to the Japanese page (a visitor who chose English stays: ?lang=en). */
function switchHtml({ lang, other }: LanguageSwitch): string {
  const redirect =
    lang === 'en'
      ? `if(!/[?&]lang=en/.test(location.search)&&/^ja(-|$)/i.test(navigator.language||'')){location.replace(${JSON.stringify(other.href)}+location.hash)}`
      : '';
  const target = other.lang === 'en' ? `${other.href}?lang=en` : other.href;
  return `<a id="lang-switch" lang="${other.lang}" hreflang="${other.lang}" href="${target}" style="position:fixed;top:.5rem;right:1rem;z-index:100;background:#fff;border:1px solid #ccc;border-radius:4px;padding:.2rem .6rem;font:14px sans-serif" onclick="this.href='${target}'+location.hash">${other.label}</a>
<script>${redirect}</script>`;
}

/** Renders `document` to a self-contained HTML page at `outFile`, in `language.lang` with a switch to the other. */
export async function buildReference(document: Record<string, unknown>, outFile: string, title: string, language?: LanguageSwitch): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'payjp-docs-'));
  try {
    const input = join(work, 'openapi.json');
    writeFileSync(input, JSON.stringify(document));
    // telemetry: off in redocly.yaml keeps the CLI and the page quiet; the variable makes sure of it.
    await run(process.execPath, [redoclyBin(), 'build-docs', input, '--inlineBundle', '--config', REDOCLY_CONFIG, '--title', title, '-o', outFile], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: Error & { stderr?: string }) => {
      throw new Error(`redocly build-docs failed: ${error.stderr?.trim() || error.message}`);
    });
    let html = offlineHtml(readFileSync(outFile, 'utf8'));
    // The page's own <html> and its last </body>: the inlined Redoc bundle holds both strings too.
    if (language) {
      const end = html.lastIndexOf('</body>');
      html = `${html.slice(0, end)}${switchHtml(language)}\n${html.slice(end)}`.replace(
        /^(<!DOCTYPE html>\s*)<html[^>]*>/i,
        `$1<html lang="${language.lang}">`,
      );
    }
    writeFileSync(outFile, html);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
