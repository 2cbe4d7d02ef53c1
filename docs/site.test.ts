// The built docs site in a real browser: every operation of the bundle is rendered, the error catalog pages
// list every code in both languages, anchors and cross-links land where they should, and nothing is fetched
// from outside localhost.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeOf } from '../generated/error-catalog.ts';
import { buildSpec, type BuiltSpec } from '../scripts/lib/build-spec.ts';
import { siteOnce } from './lib/site.ts';
import { launchChromium, type Browser } from './lib/chromium.ts';
import { errorPageFile, ERRORS_GUIDE, LANGUAGES } from './lib/error-page.ts';
import { loadGuides, loadTranslatedGuides } from './lib/guides.ts';
import { DIST, GUIDES_JA, SCREENSHOTS } from './lib/paths.ts';
import { REFERENCE_PAGE, REFERENCE_PAGE_JA } from './lib/reference-links.ts';
import { serveDocs, type DocsServer } from './serve.ts';
import { operationsOf, type OperationRef } from '../contract-core/conventions.ts';

/** Matches `text` as it is (RegExp.escape is not in TypeScript's ES2024 library yet). */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The entry the tests follow: its anchor is the last segment of its problem `type`. */
const CARD_DECLINED_ANCHOR = typeOf('card_declined').split('/').pop()!;

/**
 * Redoc renders a section some time after its route changes, and loads the whole reference first when a link
 * leads into it: seconds on a loaded machine (DOCS_CPU_THROTTLE=4 took 13 s). A wait ends as soon as its
 * condition holds, so the bound costs nothing when the machine is fast.
 */
const POLL = { timeout: 30_000 };
/** Rendering all 65 operations takes seconds here, a minute or more on a loaded machine. */
const RENDER_ALL_TIMEOUT = 600_000;

/** A tag as the navigation shows it: its x-displayName (a translation's) or its name. */
const tagLabel = (document: Record<string, unknown>, tag: string): string =>
  ((document['tags'] ?? []) as { name: string; 'x-displayName'?: string }[]).find((t) => t.name === tag)?.['x-displayName'] ?? tag;

interface RenderedOperation {
  sectionId: string;
  heading: string;
  text: string;
}
interface MenuLink {
  href: string;
  text: string;
}
/** What a reference renders: its operation sections by section ID, and the entries of its sidebar. */
interface Rendered {
  sections: Map<string, RenderedOperation>;
  menu: MenuLink[];
}

describe('docs site in Chromium', () => {
  let spec: BuiltSpec;
  let japanese: BuiltSpec;
  let server: DocsServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const rendered = new Map<string, Promise<Rendered>>();

  beforeAll(async () => {
    spec = await buildSpec();
    japanese = await buildSpec(undefined, undefined, 'ja');
    // The site `npm run docs` builds, shared with the package's consumer test: built here only if its inputs changed.
    await siteOnce();
    server = await serveDocs({ port: 0, root: DIST });
    // The server answering is the one serving this build.
    const served = await (await fetch(new URL('errors.html', server.url))).text();
    expect(served).toBe(readFileSync(join(DIST, 'errors.html'), 'utf8'));
    browser = await launchChromium();
    browser.context.on('request', (request) => requests.push(request.url()));
    page = await browser.context.newPage();
    // DOCS_CPU_THROTTLE=12 slows the page's CPU as a loaded machine does (Chrome DevTools Protocol), to check
    // that nothing here depends on how fast Redoc renders.
    const throttle = Number(process.env['DOCS_CPU_THROTTLE'] ?? 1);
    if (throttle > 1) await (await browser.context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A reference page and the bundle it renders. */
  interface Reference {
    page: string;
    built: () => BuiltSpec;
    /** The screenshot of its top, taken when it is opened to render every operation. */
    screenshot: string;
  }
  const ENGLISH: Reference = { page: REFERENCE_PAGE, built: () => spec, screenshot: 'reference' };
  const JAPANESE: Reference = { page: REFERENCE_PAGE_JA, built: () => japanese, screenshot: 'reference.ja' };

  /**
   * Opens `file` as a new visit. Going from `index.html#operation/…` to `index.html` reloads the page, and the
   * browser then restores the old scroll position: Redoc renders only what is near it, so the page's top (its
   * h1) may never be rendered. A visit from a blank page starts at the top.
   */
  const open = async (file: string): Promise<void> => {
    await page.goto('about:blank');
    await page.goto(new URL(file, server.url).href);
  };

  /**
   * Shows `file`, reusing the page when it shows that file already (wherever it is scrolled to): loading a
   * reference page costs Chromium about 2 CPU-s (3 MB of HTML and script), for tests that start from its sidebar.
   */
  const visit = async (file: string): Promise<void> => {
    if (new URL(page.url()).pathname !== `/${file}`) await open(file);
  };

  const isRendered = (sections: Iterable<RenderedOperation>, { path, operation }: OperationRef): boolean =>
    [...sections].some((s) => s.heading === operation['summary'] && s.text.includes(path));

  /** The sidebar entry of an operation (its summary, then its method) links to the section that renders it. */
  const isReachable = (sections: Iterable<RenderedOperation>, menu: MenuLink[], op: OperationRef): boolean => {
    const entry = new RegExp(`^${literal(String(op.operation['summary']))}\\s*${op.method}$`, 'i');
    return [...sections].some((s) => isRendered([s], op) && menu.some((link) => entry.test(link.text) && link.href === `#${s.sectionId}`));
  };

  /**
   * Opens every tag of the reference from its sidebar, as a reader would, and scrolls down through the tag's
   * operations, collecting the operation sections Redoc renders (by section ID) and the sidebar's entries.
   * Redoc lists the open tag's operations as placeholders 100 px high and mounts each when it comes near the
   * view (an IntersectionObserver): the first one still a placeholder is brought into view until every
   * operation of the tag shows its heading and its path. One click per tag instead of one per operation, and
   * the sidebar's entries are read rather than each clicked: what costs is Redoc rendering each section (about
   * 0.3 CPU-s), and a click per operation added as much again. A viewport four times as tall mounted several
   * at a time but cost no less.
   */
  const renderedOperations = (reference: Reference = ENGLISH): Promise<Rendered> => {
    if (!rendered.has(reference.page)) rendered.set(reference.page, renderAll(reference));
    return rendered.get(reference.page)!;
  };
  const renderAll = async ({ page: file, built, screenshot }: Reference): Promise<Rendered> => {
    const bundle = built().document;
    await open(file);
    await page.locator('h1').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, `${screenshot}.png`) });
    const byTag = Map.groupBy(operationsOf(bundle), ({ operation }) => (operation['tags'] as string[])[0]!);
    const sections = new Map<string, RenderedOperation>();
    const menu: MenuLink[] = [];
    for (const [tag, operations] of byTag) {
      const tagLink = page.locator('a', { hasText: new RegExp(`^${literal(tagLabel(bundle, tag))}$`) }).first();
      if (!(await tagLink.isVisible())) continue; // not in the navigation: its operations are reported as missing
      // The tag's section ID is its entry's route (`/payment-refunds`), its operations' IDs start with it.
      const tagRoute = (await tagLink.getAttribute('href')) ?? '';
      await tagLink.click();
      const wanted = operations.map(({ path, operation }) => ({ summary: String(operation['summary']), path }));
      await page
        .waitForFunction(
          ({ wanted, prefix }) => {
            // As a reader scrolling down: the first operation of the tag not mounted yet comes into view. The
            // sections' texts are read once none is left (reading them every 100 ms costs more than the rest).
            const placeholder = document.querySelector(`[data-section-id^="${prefix}/"]:empty`);
            if (placeholder) {
              const { top, bottom } = placeholder.getBoundingClientRect();
              if (bottom < 0 || top > innerHeight) placeholder.scrollIntoView();
              return false;
            }
            const shown = Array.from(document.querySelectorAll(`[data-item-kind="httpItem"][data-section-id^="${prefix}/"]`));
            return wanted.every(({ summary, path }) =>
              shown.some((section) => section.querySelector('h2')?.textContent === summary && section.textContent?.includes(path)),
            );
          },
          { wanted, prefix: tagRoute },
          { polling: 100, timeout: POLL.timeout * operations.length },
        )
        .catch(() => undefined); // not rendered: reported as missing below
      const { shown, links } = await page.evaluate((prefix) => {
        const sections = Array.from(document.querySelectorAll(`[data-item-kind="httpItem"][data-section-id^="${prefix}/"]`));
        return {
          shown: sections.map((section) => ({
            sectionId: section.getAttribute('data-section-id') ?? '',
            heading: section.querySelector('h2')?.textContent ?? '',
            text: section.textContent ?? '',
          })),
          links: Array.from(document.querySelectorAll('[data-component-name="Menu/MenuItem"] a, a[data-component-name="Menu/MenuItem"]')).map((a) => ({
            href: a.getAttribute('href') ?? '',
            text: a.textContent ?? '',
          })),
        };
      }, tagRoute);
      for (const section of shown) sections.set(section.sectionId, section);
      menu.push(...links);
    }
    return { sections, menu };
  };

  it(
    'renders every operation of the bundle',
    async () => {
      const operations = operationsOf(spec.document);
      expect(operations.length).toBeGreaterThan(0);
      const { sections, menu } = await renderedOperations();
      const missing = operations
        .filter((op) => !isRendered(sections.values(), op))
        .map(({ method, path, operation }) => `${operation.operationId} (${method.toUpperCase()} ${path})`);
      expect(missing).toEqual([]);
      const unreachable = operations.filter((op) => !isReachable(sections.values(), menu, op)).map(({ operation }) => operation.operationId);
      expect(unreachable).toEqual([]);
      console.log(`reference: ${operations.length} operations rendered`);
      await page.screenshot({ path: join(SCREENSHOTS, 'reference-operation.png') }); // the last tag opened
    },
    RENDER_ALL_TIMEOUT,
  );

  // Right after the English reference is rendered: it starts from that page, already loaded.
  it('shows the guides, and the Errors guide links to the error catalog', async () => {
    await visit(REFERENCE_PAGE);
    for (const guide of loadGuides()) {
      await page
        .locator('a', { hasText: new RegExp(`^${literal(guide.name)}$`) })
        .first()
        .click();
      await expect.poll(() => page.locator('h1, h2', { hasText: guide.name }).count(), POLL).toBeGreaterThan(0);
    }
    await page
      .locator('a', { hasText: new RegExp(`^${literal(ERRORS_GUIDE)}$`) })
      .first()
      .click();
    await page
      .locator(`a[href="${errorPageFile('en')}"]`)
      .first()
      .click();
    await page.waitForURL(/\/errors\.html$/);
    await expect.poll(() => page.locator('article[data-code]').count(), POLL).toBeGreaterThan(0);
  });

  it(
    'renders every operation of the Japanese reference, under its Japanese summary',
    async () => {
      const operations = operationsOf(japanese.document);
      const english = new Map(operationsOf(spec.document).map(({ operation }) => [operation.operationId, operation['summary']]));
      // Every summary is translated: none reads as the English one.
      expect(
        operations.filter(({ operation }) => operation['summary'] === english.get(operation.operationId)).map(({ operation }) => operation.operationId),
      ).toEqual([]);
      const { sections, menu } = await renderedOperations(JAPANESE);
      const missing = operations
        .filter((op) => !isRendered(sections.values(), op))
        .map(({ method, path, operation }) => `${operation.operationId} (${method.toUpperCase()} ${path})`);
      expect(missing).toEqual([]);
      const unreachable = operations.filter((op) => !isReachable(sections.values(), menu, op)).map(({ operation }) => operation.operationId);
      expect(unreachable).toEqual([]);
      expect(await page.getAttribute('html', 'lang')).toBe('ja');
      await page.screenshot({ path: join(SCREENSHOTS, 'reference-operation.ja.png') });
      // The same sections as the English page, so that a link or the switch lands on the same place.
      expect([...sections.keys()].sort()).toEqual([...(await renderedOperations(ENGLISH)).sections.keys()].sort());
    },
    RENDER_ALL_TIMEOUT,
  );

  it('switches language at the same place, both ways', async () => {
    const place = '#/payment-refunds/createpaymentrefund';
    // From the Japanese page already loaded (Redoc routes by hash), else a new visit.
    await visit(REFERENCE_PAGE_JA);
    await page.evaluate((hash) => {
      location.hash = hash;
    }, place);
    await expect.poll(() => page.locator('h2', { hasText: /^返金を作成$/ }).count(), POLL).toBeGreaterThan(0);
    await page.locator('#lang-switch').click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${REFERENCE_PAGE}`) && url.hash === place);
    await expect.poll(() => page.locator('h2', { hasText: /^Create a refund$/ }).count(), POLL).toBeGreaterThan(0);
    await page.locator('#lang-switch').click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${REFERENCE_PAGE_JA}`) && url.hash === place);
    await expect.poll(() => page.locator('h2', { hasText: /^返金を作成$/ }).count(), POLL).toBeGreaterThan(0);
  });

  it('opens the Japanese reference for a browser whose language is Japanese, unless English was chosen', async () => {
    const browserJa = await launchChromium({ locale: 'ja-JP' });
    try {
      const pageJa = await browserJa.context.newPage();
      await pageJa.goto(new URL(`${REFERENCE_PAGE}#/customers`, server.url).href);
      // Sent on before the English page's Redoc starts (its script runs first): the Japanese one need not load.
      await pageJa.waitForURL((url) => url.pathname.endsWith(`/${REFERENCE_PAGE_JA}`) && url.hash === '#/customers', { waitUntil: 'commit' });
      await pageJa.goto(new URL(`${REFERENCE_PAGE}?lang=en`, server.url).href);
      await pageJa.locator('h1').first().waitFor();
      expect(new URL(pageJa.url()).pathname).toBe(`/${REFERENCE_PAGE}`);
    } finally {
      await browserJa.close();
    }
  });

  it('finds Japanese words with the search of the Japanese reference', async () => {
    await visit(REFERENCE_PAGE_JA);
    /** The texts of the search dialog's results for `word`, once there are any. */
    const results = async (word: string): Promise<string[]> => {
      await page.getByText('Search', { exact: false }).first().click();
      await page.getByPlaceholder('Search docs...').fill(word);
      const items = page.locator('[data-testid="search-dialog"] [data-component-name="Search/SearchItem"]');
      await expect.poll(() => items.count(), POLL).toBeGreaterThan(0);
      const texts = await items.allTextContents();
      await page.screenshot({ path: join(SCREENSHOTS, `search.ja.${word}.png`) });
      await page.keyboard.press('Escape');
      return texts;
    };
    expect((await results('返金')).some((text) => text.includes('返金を作成'))).toBe(true);
    expect((await results('冪等性')).some((text) => text.includes('冪等性キー'))).toBe(true);
  });

  it('shows the Japanese guides under their Japanese headings', async () => {
    await visit(REFERENCE_PAGE_JA);
    for (const guide of loadTranslatedGuides(GUIDES_JA)) {
      const heading = guide.displayName ?? guide.name;
      await page
        .locator('a', { hasText: new RegExp(`^${literal(heading)}$`) })
        .first()
        .click();
      await expect.poll(() => page.locator('h1, h2', { hasText: heading }).count(), POLL).toBeGreaterThan(0);
    }
  });

  it('lists every catalog code on the error page, grouped by status, in English and Japanese', async () => {
    for (const lang of LANGUAGES) {
      await open(errorPageFile(lang));
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const articles = await page.$$eval('section[id^="status-"] article', (elements) =>
        elements.map((el) => ({
          id: el.id,
          code: el.getAttribute('data-code') ?? '',
          section: el.closest('section')?.id ?? '',
          source: el.querySelector('h3 [data-source]')?.getAttribute('data-source') ?? '',
          // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is what is checked.
          text: (el as HTMLElement).innerText,
        })),
      );
      expect(articles.map((a) => a.code).sort()).toEqual(spec.catalog.map((d) => d.code).sort());
      for (const def of spec.catalog) {
        const article = articles.find((a) => a.code === def.code)!;
        expect(article.id).toBe(def.slug);
        expect(article.section).toBe(`status-${def.status}`);
        expect(article.source).toBe(def.evidence.source);
        expect(article.text).toContain(def.title);
        expect(article.text).toContain((lang === 'en' ? def.en : def.ja).replaceAll('`', ''));
      }
      await page.screenshot({ path: join(SCREENSHOTS, `${errorPageFile(lang).replace('.html', '')}.png`) });
    }
  });

  it('lands on card_declined when its anchor (the last segment of its type) is followed', async () => {
    const inView = (): Promise<boolean> =>
      page.locator(`#${CARD_DECLINED_ANCHOR}`).evaluate((el) => {
        const box = el.getBoundingClientRect();
        // Rounded: a heading a fraction of a pixel above the top (sub-pixel layout) is where the anchor put it.
        return Math.round(box.top) >= 0 && box.top < window.innerHeight;
      });
    for (const lang of LANGUAGES) {
      await open(errorPageFile(lang));
      expect(await inView()).toBe(false);
      await page.locator(`.toc a[href="#${CARD_DECLINED_ANCHOR}"]`).click();
      expect(new URL(page.url()).hash).toBe(`#${CARD_DECLINED_ANCHOR}`);
      await expect.poll(inView, POLL).toBe(true);
    }
    await open(`${errorPageFile('en')}#${CARD_DECLINED_ANCHOR}`);
    await expect.poll(inView, POLL).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'errors-card-declined.png') });
  });

  it(
    'links every operation on the error page to its section of the reference, and back to the guide',
    async () => {
      const { sections } = await renderedOperations();
      await open(errorPageFile('en'));
      const hrefs = [...new Set(await page.$$eval('a[data-operation-id]', (links) => links.map((a) => a.getAttribute('href') ?? '')))];
      expect(hrefs.length).toBe(operationsOf(spec.document).length);
      const broken = hrefs.filter((href) => !sections.has(href.replace(/^index\.html#/, '')));
      expect(broken).toEqual([]);

      // Following one lands on the operation.
      const link = page.locator(`#${CARD_DECLINED_ANCHOR} a[data-operation-id]`).first();
      const operationId = await link.getAttribute('data-operation-id');
      const summary = operationsOf(spec.document).find((op) => op.operation.operationId === operationId)!.operation['summary'];
      await page.locator(`#${CARD_DECLINED_ANCHOR} details summary`).click();
      await link.click();
      await expect.poll(() => page.locator('h2', { hasText: String(summary) }).count(), POLL).toBeGreaterThan(0);

      // And back: the guide link of the Japanese page opens the Errors guide of the Japanese reference, which
      // links to that page.
      await open(errorPageFile('ja'));
      await page.locator('#guide-link').click();
      await page.waitForURL((url) => url.pathname.endsWith(`/${REFERENCE_PAGE_JA}`));
      const heading = loadTranslatedGuides(GUIDES_JA).find((guide) => guide.name === ERRORS_GUIDE)!.displayName!;
      await expect.poll(() => page.locator('h1, h2', { hasText: heading }).count(), POLL).toBeGreaterThan(0);
      await expect.poll(() => page.locator(`a[href="${errorPageFile('ja')}"]`).count(), POLL).toBeGreaterThan(0);
    },
    RENDER_ALL_TIMEOUT,
  );

  it('made no request outside localhost', () => {
    expect(requests.length).toBeGreaterThan(0);
    const outside = requests.filter((url) => {
      const { protocol, hostname } = new URL(url);
      if (['data:', 'blob:', 'about:'].includes(protocol)) return false;
      return !['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
    });
    expect(outside).toEqual([]);
  });
});
