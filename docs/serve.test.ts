// The docs server: content types, directory index, 404/405, and no way out of its root.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs, type DocsServer } from './serve.ts';

/** A raw request: the path is sent exactly as written (fetch would normalise `..`). */
function get(url: string, path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject).end();
  });
}

describe('docs/serve.ts', () => {
  let dir: string;
  let server: DocsServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'payjp-serve-'));
    const root = join(dir, 'dist');
    mkdirSync(join(root, 'guides'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<p>reference</p>');
    writeFileSync(join(root, 'errors.ja.html'), '<p>エラー</p>');
    writeFileSync(join(root, 'site.css'), 'body{}');
    writeFileSync(join(root, 'bundle.json'), '{}');
    writeFileSync(join(root, 'guides', 'index.html'), '<p>guides</p>');
    writeFileSync(join(dir, 'secret.txt'), 'outside the root');
    server = await serveDocs({ port: 0, root });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and serves files with their content types', async () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(await get(server.url, '/')).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<p>reference</p>' });
    expect(await get(server.url, '/errors.ja.html')).toMatchObject({ status: 200, body: '<p>エラー</p>' });
    expect((await get(server.url, '/site.css')).type).toBe('text/css; charset=utf-8');
    expect((await get(server.url, '/bundle.json')).type).toBe('application/json');
    expect(await get(server.url, '/guides/')).toMatchObject({ status: 200, body: '<p>guides</p>' });
    expect(await get(server.url, '/guides')).toMatchObject({ status: 200, body: '<p>guides</p>' });
    expect(await get(server.url, '/index.html?x=1#frag')).toMatchObject({ status: 200, body: '<p>reference</p>' });
  });

  it('answers 404 for missing files and 405 for other methods', async () => {
    expect((await get(server.url, '/nothing.html')).status).toBe(404);
    expect((await get(server.url, '/index.html', 'POST')).status).toBe(405);
    expect(await get(server.url, '/index.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/guides/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/%00', '/%E0%A4%A'])(
    'does not leave its root: %s',
    async (path) => {
      const answer = await get(server.url, path);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('outside the root');
    },
  );

  it('refuses to start without a built site', async () => {
    await expect(serveDocs({ port: 0, root: join(dir, 'missing') })).rejects.toThrow(/index\.html is missing: run `npm run docs`/);
  });
});
