// The changelog page: what changed between consecutive versions of the contract in this repository's history
// (diff/changelog/history.ts, the same checks as `npm run diff`), newest first, headings in English and Japanese,
// the findings' lines in English. Each change links to its operation in the reference or its code in the error
// catalog, when the current site still has it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { changelog, type Changelog } from '../../diff/changelog/history.ts';
import { SEVERITIES, type Finding, type Severity } from '../../diff/lib/finding.ts';
import type { BuiltSpec } from '../../scripts/lib/build-spec.ts';
import { errorPageFile } from './error-page.ts';
import { escapeHtml, inlineMarkup } from './html.ts';
import { CHECK_LABELS_JA } from './changelog-ja.ts';
import { CHANGELOG_PAGE, CHANGELOG_PAGE_JA, operationHref, referencePage } from './reference-links.ts';
import { operationsOf } from '../../contract-core/conventions.ts';

/** English first, then Japanese, as the page's bilingual headings. */
const bilingual = (en: string, ja: string): string => `${escapeHtml(en)} <span lang="ja">${escapeHtml(ja)}</span>`;

const SEVERITY_HEADINGS: Record<Severity, [string, string]> = {
  breaking: ['Breaking', '互換性のない変更'],
  'potentially-breaking': ['Potentially breaking', '互換性に影響しうる変更'],
  safe: ['Compatible', '互換性のある変更'],
};

const STYLE = `
body{font:16px/1.55 system-ui,sans-serif;color:#1d1d1f;margin:0;background:#fafafa}
header,main{max-width:60rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem}nav{display:flex;gap:1.25rem;font-size:.95rem}
h1{margin:.6rem 0}h1 span,h2 span,h3 span{color:#555;font-weight:normal;margin-left:.4rem}
section{background:#fff;border:1px solid #e2e2e2;border-radius:8px;padding:.5rem 1.25rem 1rem;margin:1rem 0}
h2{font-size:1.15rem}h3{font-size:1rem;margin:.8rem 0 .3rem}
code{font:.88em ui-monospace,monospace;background:#f0f0f0;padding:.1em .3em;border-radius:4px}
li{margin:.2rem 0}.check{color:#666;font-size:.85em}.notes{color:#555;font-size:.9rem}
`;

/** Where a finding's link goes on the current site (in `lang`), if its operation or code is still there. */
function linker({ document, catalog }: BuiltSpec, lang: 'en' | 'ja'): (finding: Finding) => string | null {
  const webhooks = Object.values((document['webhooks'] ?? {}) as Record<string, Record<string, { operationId?: string }>>).flatMap((item) =>
    Object.values(item),
  );
  const operations = new Set([...operationsOf(document).map(({ operation }) => operation), ...webhooks].map((operation) => operation.operationId));
  const slugs = new Set(catalog.map((def) => def.slug));
  return ({ anchor }) => {
    if (!anchor) return null;
    if ('operation' in anchor) {
      return operations.has(anchor.operation.operationId) ? operationHref(anchor.operation.tag, anchor.operation.operationId, referencePage(lang)) : null;
    }
    return slugs.has(anchor.slug) ? `${errorPageFile(lang)}#${anchor.slug}` : null;
  };
}

function renderFinding(finding: Finding, href: string | null, lang: 'en' | 'ja'): string {
  const name = escapeHtml(finding.operation ?? (finding.document === 'catalog' ? 'catalog' : 'document'));
  const subject = href ? `<a href="${escapeHtml(href)}">${name}</a>` : name;
  const label = lang === 'ja' ? CHECK_LABELS_JA[finding.check] : undefined;
  const message = lang === 'ja' ? `<span lang="en">${inlineMarkup(finding.message)}</span>` : inlineMarkup(finding.message);
  return `<li data-check="${escapeHtml(finding.check)}">${subject}: ${label ? `${inlineMarkup(label)}: ` : ''}${message} <span class="check">${escapeHtml(finding.check)}</span></li>`;
}

/** The page in `lang`: the English one has English and Japanese headings, the Japanese one Japanese headings
 *  and each change's kind in Japanese before its English line. */
export function renderChangelogPage(log: Changelog, site: BuiltSpec, lang: 'en' | 'ja' = 'en'): string {
  const linkOf = linker(site, lang);
  const heading = (en: string, ja: string): string => (lang === 'en' ? bilingual(en, ja) : escapeHtml(ja));
  const sections = log.entries.map(({ commit, base, findings }) => {
    const groups = SEVERITIES.map((severity) => [severity, findings.filter((f) => f.severity === severity)] as const)
      .filter(([, list]) => list.length > 0)
      .map(
        ([severity, list]) =>
          `<h3>${heading(...SEVERITY_HEADINGS[severity])} (${list.length})</h3>\n<ul>${list.map((f) => renderFinding(f, linkOf(f), lang)).join('\n')}</ul>`,
      );
    return `<section id="v-${escapeHtml(commit.short)}">
<h2><time datetime="${escapeHtml(commit.date)}">${escapeHtml(commit.date.slice(0, 10))}</time> <code>${escapeHtml(commit.short)}</code> ${escapeHtml(commit.subject)}</h2>
<p class="notes">${heading(`Compared with ${base.short} ·`, `${base.short} との比較`)}</p>
${groups.length > 0 ? groups.join('\n') : `<p>${heading('No change a client can see (descriptions or examples only). ·', 'クライアントから見える変更はありません (説明や例のみ)。')}</p>`}
</section>`;
  });
  const nav =
    lang === 'en'
      ? `<a href="${referencePage('en')}">API reference</a><a href="${errorPageFile('en')}">Error catalog</a><a href="${errorPageFile('ja')}" lang="ja">エラーカタログ</a><a href="${CHANGELOG_PAGE_JA}" hreflang="ja" lang="ja" id="language-switch">日本語</a>`
      : `<a href="${referencePage('ja')}">API リファレンス</a><a href="${errorPageFile('ja')}">エラーカタログ</a><a href="${CHANGELOG_PAGE}" hreflang="en" lang="en" id="language-switch">English</a>`;
  const intro =
    lang === 'en'
      ? `<p>${inlineMarkup('Every version of the contract in its repository, newest first, compared with the one before by `npm run diff`: breaking changes, changes that may break a client, and compatible ones. The lines of each change are in English.')}</p>
<p lang="ja">${inlineMarkup('リポジトリにある契約の各バージョンを、新しい順に一つ前のバージョンと `npm run diff` で比較した結果です。各変更の説明は英語です。')}</p>`
      : `<p>${inlineMarkup('リポジトリにある契約の各バージョンを、新しい順に一つ前のバージョンと `npm run diff` で比較した結果です。互換性のない変更、クライアントに影響しうる変更、互換性のある変更に分けて示します。各変更の種類は日本語で、その詳細 (コミットの件名と、変更されたコード・フィールド・操作の説明) は英語で記載しています。')}</p>`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${lang === 'en' ? 'Changelog' : '変更履歴'} · PAY.JP API v2</title>
<link rel="alternate" hreflang="${lang === 'en' ? 'ja' : 'en'}" href="${lang === 'en' ? CHANGELOG_PAGE_JA : CHANGELOG_PAGE}">
<style>${STYLE}</style>
</head>
<body>
<header>
<nav>${nav}</nav>
<h1>${heading('Changelog', '変更履歴')}</h1>
${intro}
${log.notes.map((note) => `<p class="notes">${inlineMarkup(note)}</p>`).join('\n')}
</header>
<main>
${sections.length > 0 ? sections.join('\n') : `<p>${heading('No version to compare.', '比較できるバージョンがありません。')}</p>`}
</main>
</body>
</html>
`;
}

/** The docs build's changelog step: reads the history once, writes the page in each language into `outDir`,
 *  returns their file names. */
export async function writeChangelogPage(outDir: string, site: BuiltSpec, japanese: BuiltSpec = site): Promise<string[]> {
  const log = await changelog();
  writeFileSync(join(outDir, CHANGELOG_PAGE), renderChangelogPage(log, site));
  writeFileSync(join(outDir, CHANGELOG_PAGE_JA), renderChangelogPage(log, japanese, 'ja'));
  return [CHANGELOG_PAGE, CHANGELOG_PAGE_JA];
}
