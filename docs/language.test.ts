// The docs in the visitor's language: the server answers `/` with the Japanese reference when the browser
// ranks Japanese first, and the English one otherwise or when the visitor chose it (?lang=en).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocsServer, prefersJapanese, serveDocs } from './serve.ts';

describe('the language of the docs', () => {
  let dir: string;
  let server: DocsServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'payjp-lang-'));
    writeFileSync(join(dir, 'index.html'), '<p>reference</p>');
    writeFileSync(join(dir, 'index.ja.html'), '<p>リファレンス</p>');
    server = await serveDocs({ port: 0, root: dir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads Accept-Language by its ranking', () => {
    expect(prefersJapanese('ja')).toBe(true);
    expect(prefersJapanese('ja-JP,ja;q=0.9,en;q=0.8')).toBe(true);
    expect(prefersJapanese('en-US,en;q=0.9,ja;q=0.8')).toBe(false);
    expect(prefersJapanese('en;q=0.5, ja;q=0.9')).toBe(true);
    expect(prefersJapanese('ja;q=0, en')).toBe(false);
    expect(prefersJapanese('jam')).toBe(false);
    expect(prefersJapanese(undefined)).toBe(false);
  });

  it('answers / in Japanese to a Japanese browser, in English to others and to a visitor who chose English', async () => {
    const page = async (path: string, language?: string) => {
      const response = await fetch(new URL(path, server.url), { headers: language ? { 'Accept-Language': language } : {} });
      return { body: await response.text(), vary: response.headers.get('vary') };
    };
    expect(await page('/', 'ja-JP,ja;q=0.9')).toEqual({ body: '<p>リファレンス</p>', vary: 'Accept-Language' });
    expect((await page('/', 'en-US')).body).toBe('<p>reference</p>');
    expect((await page('/')).body).toBe('<p>reference</p>');
    expect((await page('/?lang=en', 'ja')).body).toBe('<p>reference</p>');
    expect((await page('/index.html', 'ja')).body).toBe('<p>reference</p>');
  });
});
