// The error catalog page, in English and Japanese, rendered from the catalog and the bundle built from it:
// the texts come from the catalog, "which operations" from each operation's `x-errors`, the example body from
// the bundle's named example (the one the mock answers with `Prefer: example=<code>`).
import { STATUS_CODES } from 'node:http';
import type { CatalogRule, ErrorDefinition, Evidence, RetryPolicy, Source } from '../../scripts/lib/catalog.ts';
import { byStatus } from '../../scripts/lib/catalog.ts';
import { escapeHtml, inlineMarkup } from './html.ts';
import { changelogPage, operationHref, referencePage, tagHref } from './reference-links.ts';
import { exampleName, operationsOf } from '../../contract-core/conventions.ts';

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];
export const errorPageFile = (lang: Language): string => (lang === 'en' ? 'errors.html' : `errors.${lang}.html`);
/** The guide the page links back to (docs/guides/*-errors.md). */
export const ERRORS_GUIDE = 'Errors';

interface Texts {
  title: string;
  intro: string;
  otherLanguage: string;
  reference: string;
  guide: string;
  changelog: string;
  contents: string;
  sources: Record<Source, string>;
  evidence: string;
  evidenceIntro: string;
  codeEvidence: string;
  titleEvidence: string;
  titleRule: string;
  appliesEvidence: (rule: string) => string;
  replay: Record<'stored' | 'not-stored', string>;
  type: string;
  meaning: string;
  action: string;
  headers: string;
  operations: (count: number) => string;
  noOperations: string;
  example: string;
  retry: Record<RetryPolicy, string>;
  waitRetryAfter: string;
  backoff: string;
}

const TEXTS: Record<Language, Texts> = {
  en: {
    title: 'Error catalog',
    intro:
      'Every error of the PAY.JP API v2 is an RFC 9457 problem (`application/problem+json`) whose `code` is one of the codes below. ' +
      'The `type` of a problem is the address of its entry on this page. Codes are grouped by HTTP status.',
    otherLanguage: '日本語',
    reference: 'API reference',
    guide: 'Errors guide',
    changelog: 'Changelog',
    contents: 'Codes by status',
    sources: {
      published: 'published by PAY.JP',
      client: 'official client (@payjp/payjpv2)',
      incident: 'PAY.JP incident reports',
      inferred: 'our inference',
    },
    evidence: 'Evidence',
    evidenceIntro:
      'Each fact below is marked with its source: PAY.JP’s published documents, the official `@payjp/payjpv2` client, PAY.JP’s incident reports, or our inference (with the reason). ' +
      'The contract tests report a server that breaks a published or client fact as a violation, and one that differs from an inference as a warning.',
    codeEvidence: 'code and status',
    titleEvidence: 'title',
    titleRule: 'written by the title rule',
    appliesEvidence: (rule) => `answered by the operations of the rule \`${rule}\``,
    replay: {
      stored:
        'A write’s answer with this code is stored under its Idempotency-Key: the same request with the same key gets this answer again (`Idempotent-Replayed: true`).',
      'not-stored': 'This answer is not stored under the Idempotency-Key: the same request with the same key is carried out anew.',
    },
    type: 'type',
    meaning: 'Meaning',
    action: 'What to do',
    headers: 'Response headers',
    operations: (n) => `Operations that can return it (${n})`,
    noOperations: 'No operation of the reference returns it.',
    example: 'Example',
    retry: {
      no: 'Do not retry as is: the same request fails the same way. Change the request as described above and send it under a new Idempotency-Key.',
      'same-key': 'Retry: send the same request again later with the same Idempotency-Key, so that it is carried out at most once.',
      'new-key':
        'Do not send it again under this key: the key stays bound to its first request (and its answer). A later attempt is a new request under a new Idempotency-Key.',
    },
    waitRetryAfter: 'Wait the number of seconds given in `Retry-After` first.',
    backoff: 'Wait longer between attempts each time (exponential backoff).',
  },
  ja: {
    title: 'エラーカタログ',
    intro:
      'PAY.JP API v2 のエラーはすべて RFC 9457 の problem details (`application/problem+json`) で返され、その `code` は以下のいずれかです。' +
      'problem の `type` はこのページの該当項目のアドレスです。コードは HTTP ステータスごとにまとめています。',
    otherLanguage: 'English',
    reference: 'API リファレンス',
    guide: 'エラーのガイド',
    changelog: '変更履歴',
    contents: 'ステータス別のコード',
    sources: {
      published: 'PAY.JP の公開仕様',
      client: '公式クライアント (@payjp/payjpv2)',
      incident: 'PAY.JP の障害報告',
      inferred: '本プロジェクトの推定',
    },
    evidence: '根拠',
    evidenceIntro:
      '以下の各事項には根拠を示しています: PAY.JP の公開ドキュメント、公式クライアント `@payjp/payjpv2`、PAY.JP の障害報告、または本プロジェクトの推定 (理由付き、英語)。' +
      '契約テストは、公開仕様またはクライアントに反するサーバーを違反 (violation)、推定と異なるサーバーを警告 (warning) として報告します。',
    codeEvidence: 'コードとステータス',
    titleEvidence: 'タイトル',
    titleRule: 'タイトルの規則による',
    appliesEvidence: (rule) => `規則 \`${rule}\` の操作が返すこと`,
    replay: {
      stored: '書き込みでこのコードの応答は Idempotency-Key に保存され、同じキーの同じリクエストには同じ応答が返ります (`Idempotent-Replayed: true`)。',
      'not-stored': 'この応答は Idempotency-Key に保存されず、同じキーの同じリクエストは改めて実行されます。',
    },
    type: 'type',
    meaning: '意味',
    action: '対処',
    headers: 'レスポンスヘッダー',
    operations: (n) => `このエラーを返す操作 (${n})`,
    noOperations: 'このエラーを返す操作はリファレンスにありません。',
    example: '例',
    retry: {
      no: 'そのまま再送しても同じ結果になります。上記のとおりリクエストを修正し、新しい Idempotency-Key で送信してください。',
      'same-key': '時間をおいて、同じリクエストを同じ Idempotency-Key で再送してください (処理は最大 1 回だけ行われます)。',
      'new-key':
        'このキーでは再送しないでください (キーは最初のリクエストとその応答に結び付いています)。改めて試すときは新しい Idempotency-Key で別のリクエストとして送信してください。',
    },
    waitRetryAfter: '再送の前に `Retry-After` の秒数だけ待ってください。',
    backoff: '再送のたびに待ち時間を延ばしてください (指数バックオフ)。',
  },
};

interface OperationLink {
  label: string;
  summary: string;
  operationId: string;
  href: string;
  /** Why the operation's list has the code (the bundle's `x-errors-evidence`). */
  evidence: Evidence;
}

type Json = Record<string, unknown>;

/** Which operations may answer each code, from the bundle's per-operation `x-errors`. */
function operationsByCode(document: Json, page: string): Map<string, OperationLink[]> {
  const byCode = new Map<string, OperationLink[]>();
  for (const { path, method, operation } of operationsOf(document)) {
    const operationId = String(operation['operationId'] ?? '');
    const tag = (operation['tags'] as string[] | undefined)?.[0];
    const evidence = (operation['x-errors-evidence'] ?? {}) as Record<string, Evidence>;
    for (const code of (operation['x-errors'] ?? []) as string[]) {
      const link: OperationLink = {
        label: `${method.toUpperCase()} ${path}`,
        summary: String(operation['summary'] ?? ''),
        operationId,
        href: tag && operationId ? operationHref(tag, operationId, page) : page,
        evidence: evidence[code] ?? { source: 'inferred', reason: 'no evidence in the bundle' },
      };
      byCode.set(code, [...(byCode.get(code) ?? []), link]);
    }
  }
  return byCode;
}

/** The example answer: status line, the headers the code comes with (their examples), the bundle's named example. */
function exampleOf(document: Json, def: ErrorDefinition): string {
  const components = (document['components'] ?? {}) as Record<string, Record<string, { value?: unknown; example?: unknown }>>;
  const example = components['examples']?.[exampleName(def.code)];
  if (example?.value === undefined) {
    throw new Error(`${def.at}: ${def.code} has no example components.examples.${exampleName(def.code)} in the bundle`);
  }
  const headers = def.headers.map((name) => `${name}: ${String(components['headers']?.[name]?.example ?? '…')}`);
  return [`HTTP ${def.status}`, 'Content-Type: application/problem+json', ...headers, '', JSON.stringify(example.value, null, 2)].join('\n');
}

const STYLE = `
body{font:16px/1.55 system-ui,sans-serif;color:#1d1d1f;margin:0;background:#fafafa}
header,main{max-width:60rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem}
nav{display:flex;gap:1.25rem;flex-wrap:wrap;font-size:.95rem}
h1{margin:.6rem 0}h2{margin-top:2.5rem;border-bottom:2px solid #ddd;padding-bottom:.3rem}
article{background:#fff;border:1px solid #e2e2e2;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
article:target{border-color:#1f6feb;box-shadow:0 0 0 3px #1f6feb33}
h3{margin:0 0 .5rem;font-size:1.15rem}h3 a{color:inherit;text-decoration:none}
code{font:.88em ui-monospace,monospace;background:#f0f0f0;padding:.1em .3em;border-radius:4px}
pre{background:#1e1e1e;color:#eee;padding:.8rem;border-radius:6px;overflow:auto;font-size:.85rem}
pre code{background:none;padding:0;color:inherit}
dt{font-weight:600;margin-top:.6rem}dd{margin:0}
.source{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:0 .4rem;font-size:.8rem;margin-left:.5rem;vertical-align:middle;font-weight:normal}
.source[data-source="inferred"]{background:#fff4ce;border-color:#e0c060}.source[data-source="client"]{background:#e8f0fe;border-color:#8ab4f8}
.reason{color:#555;font-size:.9rem}
.toc li{margin:.15rem 0}ul.ops{columns:2;padding-left:1.1rem}ul.ops li{break-inside:avoid}
`;

const badge = (t: Texts, source: Source): string => `<span class="source" data-source="${source}">${escapeHtml(t.sources[source])}</span>`;
const sameEvidence = (a: Evidence, b: Evidence | null): boolean => b !== null && a.source === b.source && a.reason === b.reason;
const because = (evidence: Evidence): string => (evidence.reason ? ` <span class="reason">${inlineMarkup(evidence.reason)}</span>` : '');

/** The evidence of a code's facts: code and status, title, headers. */
function evidenceOf(def: ErrorDefinition, t: Texts, rules: Record<CatalogRule, Evidence>): string {
  const lines = [
    `${escapeHtml(t.codeEvidence)}: ${badge(t, def.evidence.source)}${because(def.evidence)}`,
    `${escapeHtml(t.titleEvidence)}: ${badge(t, def.titleSource)}${def.titleSource === 'inferred' ? ` <span class="reason">${escapeHtml(t.titleRule)}: ${inlineMarkup(rules.title_case.reason ?? '')}</span>` : ''}`,
    ...(def.appliesTo && def.appliesEvidence
      ? [`${inlineMarkup(t.appliesEvidence(def.appliesTo))}: ${badge(t, def.appliesEvidence.source)}${because(def.appliesEvidence)}`]
      : []),
    ...Object.entries(def.headerEvidence).map(([name, evidence]) => `<code>${escapeHtml(name)}</code>: ${badge(t, evidence.source)}${because(evidence)}`),
  ];
  return `<ul class="evidence">${lines.map((line) => `<li>${line}</li>`).join('')}</ul>`;
}

function renderEntry(
  def: ErrorDefinition,
  t: Texts,
  lang: Language,
  ops: readonly OperationLink[],
  example: string,
  rules: Record<CatalogRule, Evidence>,
): string {
  const retry = [t.retry[def.retry], ...(def.retry === 'no' ? [] : [def.headers.includes('Retry-After') ? t.waitRetryAfter : t.backoff])];
  const opsList =
    ops.length === 0
      ? `<p>${escapeHtml(t.noOperations)}</p>`
      : `<details><summary>${escapeHtml(t.operations(ops.length))}</summary><ul class="ops">${ops
          .map(
            (op) =>
              `<li><a href="${escapeHtml(op.href)}" data-operation-id="${escapeHtml(op.operationId)}"><code>${escapeHtml(op.label)}</code></a> ${escapeHtml(op.summary)} ${badge(t, op.evidence.source)}${sameEvidence(op.evidence, def.appliesEvidence) ? '' : because(op.evidence)}</li>`,
          )
          .join('')}</ul></details>`;
  return `<article id="${escapeHtml(def.slug)}" data-code="${escapeHtml(def.code)}">
<h3><a href="#${escapeHtml(def.slug)}"><code>${escapeHtml(def.code)}</code></a> ${escapeHtml(def.title)}${badge(t, def.evidence.source)}</h3>
<dl>
<dt>${escapeHtml(t.type)}</dt><dd><code>${escapeHtml(def.type)}</code></dd>
<dt>${escapeHtml(t.meaning)}</dt><dd>${inlineMarkup(lang === 'en' ? def.en : def.ja)}</dd>
<dt>${escapeHtml(t.action)}</dt><dd>${inlineMarkup([...retry, t.replay[def.replay]].join(' '))}</dd>
<dt>${escapeHtml(t.evidence)}</dt><dd>${evidenceOf(def, t, rules)}</dd>
${def.headers.length > 0 ? `<dt>${escapeHtml(t.headers)}</dt><dd>${def.headers.map((h) => `<code>${escapeHtml(h)}</code>`).join(', ')}</dd>` : ''}
<dt>${escapeHtml(t.example)}</dt><dd><pre><code>${escapeHtml(example)}</code></pre></dd>
</dl>
${opsList}
</article>`;
}

export function renderErrorPage(catalog: readonly ErrorDefinition[], rules: Record<CatalogRule, Evidence>, document: Json, lang: Language): string {
  const t = TEXTS[lang];
  const other = LANGUAGES.find((l) => l !== lang)!;
  const ops = operationsByCode(document, referencePage(lang));
  const groups = [...byStatus(catalog)];
  const statusName = (status: number): string => `${status} ${STATUS_CODES[status] ?? ''}`.trim();
  const toc = groups
    .map(
      ([status, defs]) =>
        `<li><a href="#status-${status}">${escapeHtml(statusName(status))}</a>: ${defs
          .map((d) => `<a href="#${escapeHtml(d.slug)}"><code>${escapeHtml(d.code)}</code></a>`)
          .join(', ')}</li>`,
    )
    .join('\n');
  const sections = groups
    .map(
      ([status, defs]) =>
        `<section id="status-${status}"><h2>${escapeHtml(statusName(status))}</h2>\n${defs
          .map((def) => renderEntry(def, t, lang, ops.get(def.code) ?? [], exampleOf(document, def), rules))
          .join('\n')}</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${t.title} · PAY.JP API v2`)}</title>
<link rel="alternate" hreflang="${other}" href="${errorPageFile(other)}">
<style>${STYLE}</style>
</head>
<body>
<header>
<nav><a href="${referencePage(lang)}">${escapeHtml(t.reference)}</a><a href="${escapeHtml(tagHref(ERRORS_GUIDE, referencePage(lang)))}" id="guide-link">${escapeHtml(t.guide)}</a><a href="${changelogPage(lang)}" id="changelog-link">${escapeHtml(t.changelog)}</a><a href="${errorPageFile(other)}" hreflang="${other}" lang="${other}" id="language-switch">${escapeHtml(t.otherLanguage)}</a></nav>
<h1>${escapeHtml(t.title)}</h1>
<p>${inlineMarkup(t.intro)}</p>
<p>${inlineMarkup(t.evidenceIntro)}</p>
</header>
<main>
<h2>${escapeHtml(t.contents)}</h2>
<ul class="toc">
${toc}
</ul>
${sections}
</main>
</body>
</html>
`;
}

/** Both language versions, by file name: each from the bundle in its language (the Japanese one has the
 *  Japanese summaries; both have the same operations and codes), linking the reference in its language. */
export const renderErrorPages = (
  catalog: readonly ErrorDefinition[],
  rules: Record<CatalogRule, Evidence>,
  document: Json,
  japanese: Json = document,
): Map<string, string> => new Map(LANGUAGES.map((lang) => [errorPageFile(lang), renderErrorPage(catalog, rules, lang === 'ja' ? japanese : document, lang)]));
