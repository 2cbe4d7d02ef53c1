// The changelog page from a changelog given here (the history itself is tested in diff/changelog/): bilingual
// headings, entries in the order given (newest first), links to what the current site has, text escaped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Changelog } from '../diff/changelog/history.ts';
import type { Finding } from '../diff/lib/finding.ts';
import { loadCatalog } from '../scripts/lib/catalog.ts';
import { GENERATED } from '../scripts/lib/paths.ts';
import { CHECKS } from '../diff/rules/index.ts';
import { CHECK_LABELS_JA } from './lib/changelog-ja.ts';
import { renderChangelogPage } from './lib/changelog-page.ts';
import { operationHref } from './lib/reference-links.ts';

const site = { document: JSON.parse(readFileSync(join(GENERATED, 'openapi.json'), 'utf8')), catalog: loadCatalog() };
const commit = (short: string, subject: string) => ({ hash: short.repeat(5), short, date: '2026-11-23T15:00:00+00:00', subject });
const finding = (over: Partial<Finding>): Finding => ({
  check: 'x',
  severity: 'safe',
  operation: null,
  pointer: '/',
  document: 'bundle',
  message: 'm',
  ...over,
});

const log: Changelog = {
  entries: [
    {
      commit: commit('bbbbbbb', 'Drop <card_declined> & more'),
      base: commit('aaaaaaa', 'before'),
      findings: [
        finding({
          check: 'error-code-removed',
          severity: 'breaking',
          operation: 'confirmPaymentFlow',
          message: '402 `card_declined` removed',
          anchor: { operation: { tag: 'Payment Flows', operationId: 'confirmPaymentFlow' } },
        }),
        finding({
          check: 'error-title-changed',
          severity: 'potentially-breaking',
          document: 'catalog',
          message: 'card_declined: title',
          anchor: { code: 'card_declined', slug: 'card-declined' },
        }),
        finding({
          check: 'oasdiff:api-removed-without-deprecation',
          severity: 'breaking',
          operation: 'gone',
          anchor: { operation: { tag: 'Customers', operationId: 'removedLongAgo' } },
        }),
        finding({ check: 'webhook-added', operation: 'webhook refund.created', anchor: { operation: { tag: 'Events', operationId: 'eventRefundCreated' } } }),
      ],
    },
    { commit: commit('aaaaaaa', 'before'), base: commit('9999999', 'older'), findings: [] },
  ],
  notes: ['This clone is shallow: older versions are not available here.'],
};

describe('changelog page', () => {
  const html = renderChangelogPage(log, site);

  it('has English and Japanese headings', () => {
    expect(html).toContain('<h1>Changelog <span lang="ja">変更履歴</span></h1>');
    expect(html).toContain('<h3>Breaking <span lang="ja">互換性のない変更</span> (2)</h3>');
    expect(html).toContain('<h3>Potentially breaking <span lang="ja">互換性に影響しうる変更</span> (1)</h3>');
  });

  it('keeps the entries newest first, and says when a version changed nothing a client sees', () => {
    expect(html.indexOf('id="v-bbbbbbb"')).toBeLessThan(html.indexOf('id="v-aaaaaaa"'));
    expect(html).toContain('No change a client can see');
    expect(html).toContain('This clone is shallow');
  });

  it('links each change to its operation or error code, when the site still has it', () => {
    expect(html).toContain(`<a href="${operationHref('Payment Flows', 'confirmPaymentFlow')}">confirmPaymentFlow</a>: 402 <code>card_declined</code> removed`);
    expect(html).toContain('<a href="errors.html#card-declined">catalog</a>');
    expect(html).toContain(`<a href="${operationHref('Events', 'eventRefundCreated')}">webhook refund.created</a>`);
    expect(html).toContain('<li data-check="oasdiff:api-removed-without-deprecation">gone: m');
  });

  it('has a Japanese page: Japanese headings, the kind of each change in Japanese, links into the Japanese pages', () => {
    const ja = renderChangelogPage(log, site, 'ja');
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('<h1>変更履歴</h1>');
    expect(ja).toContain('<h3>互換性のない変更 (2)</h3>');
    expect(ja).toContain(
      `<a href="${operationHref('Payment Flows', 'confirmPaymentFlow', 'index.ja.html')}">confirmPaymentFlow</a>: 操作がエラーコードを返さなくなった: <span lang="en">402 <code>card_declined</code> removed</span>`,
    );
    expect(ja).toContain('<a href="errors.ja.html#card-declined">catalog</a>: エラーコードのタイトルが変わった:');
    expect(ja).toContain('id="language-switch">English</a>');
    expect(html).toContain('<a href="changelog.ja.html" hreflang="ja" lang="ja" id="language-switch">日本語</a>');
  });

  it('has a Japanese line for each check of ours', () => {
    expect(CHECKS.filter((check) => !CHECK_LABELS_JA[check])).toEqual([]);
    expect(Object.keys(CHECK_LABELS_JA).filter((check) => !CHECKS.includes(check))).toEqual([]);
  });

  it('escapes what it quotes', () => {
    expect(html).toContain('Drop &lt;card_declined&gt; &amp; more');
    expect(html).not.toContain('<card_declined>');
  });
});
