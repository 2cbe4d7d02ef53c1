// Addresses inside the reference page. Redoc 3 routes by hash: a tag at `#/<tag slug>`, an operation at
// `#/<tag slug>/<operationId in lower case>`. The browser test checks every link built here against the
// sections the reference really renders.
export const REFERENCE_PAGE = 'index.html';
/** The same reference with the Japanese texts (openapi/overlays/ja.yaml, docs/guides/ja/). */
export const REFERENCE_PAGE_JA = 'index.ja.html';
/** The changelog page (changelog-page.ts), linked from the other pages' navigation and the guides. */
export const CHANGELOG_PAGE = 'changelog.html';
export const CHANGELOG_PAGE_JA = 'changelog.ja.html';
export const changelogPage = (lang: 'en' | 'ja'): string => (lang === 'ja' ? CHANGELOG_PAGE_JA : CHANGELOG_PAGE);

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The reference page of a language of the site: both pages have the same anchors. */
export const referencePage = (lang: 'en' | 'ja'): string => (lang === 'ja' ? REFERENCE_PAGE_JA : REFERENCE_PAGE);

export const tagHref = (tag: string, page: string = REFERENCE_PAGE): string => `${page}#/${slug(tag)}`;

export const operationHref = (tag: string, operationId: string, page: string = REFERENCE_PAGE): string => `${tagHref(tag, page)}/${operationId.toLowerCase()}`;
