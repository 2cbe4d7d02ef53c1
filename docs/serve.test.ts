// The docs server: content types, directory index, 404/405, no way out of its root, and no request that ends it.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malformedRequests, sendAll, sendRaw } from '../contract-core/testing/raw-http.ts';
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

// In a process of its own, as `npm start` runs it: an uncaught exception would end that process.
describe('docs/serve.ts under hostile requests', () => {
  let dir: string;
  let child: ChildProcess;
  let url: string;
  let stderr = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'payjp-serve-hostile-'));
    writeFileSync(join(dir, 'index.html'), '<p>reference</p>');
    symlinkSync('/proc/self/mem', join(dir, 'unreadable.html')); // a file whose reading fails (EIO)
    const start = `const { serveDocs } = await import(${JSON.stringify(new URL('./serve.ts', import.meta.url).href)}); console.log((await serveDocs({ port: 0, root: process.argv[1] })).url);`;
    child = spawn(process.execPath, ['--input-type=module', '-e', start, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [printed] = (await once(child.stdout!, 'data')) as [Buffer];
    url = printed.toString().trim();
  });

  afterAll(() => {
    child?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const stillServes = async (): Promise<void> => {
    expect(child.exitCode, stderr).toBeNull();
    expect(await sendRaw(url, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatchObject({ status: 200, body: '<p>reference</p>' });
  };

  it.each([
    ['GET //[/x HTTP/1.1', 404],
    ['GET http://%zz/ HTTP/1.1', 400],
    ['GET http://:99999/ HTTP/1.1', 400],
    ['GET * HTTP/1.1', 400],
    ['GET v2 HTTP/1.1', 400],
  ])('answers %s with %i and keeps serving', async (line, status) => {
    expect((await sendRaw(url, `${line}\r\nHost: x\r\nConnection: close\r\n\r\n`)).status).toBe(status);
    await stillServes();
  });

  it('serves an absolute-form target by its path (RFC 9112 §3.2.2)', async () => {
    const answer = await sendRaw(url, 'GET http://127.0.0.1/index.html?x=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatchObject({ status: 200, body: '<p>reference</p>' });
  });

  it('answers OPTIONS * with the methods it serves', async () => {
    const answer = await sendRaw(url, 'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer.status).toBe(405);
    expect(answer.headers['allow']).toBe('GET, HEAD');
  });

  it('survives a file that fails while it is read', async () => {
    await sendRaw(url, 'GET /unreadable.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await stillServes();
  });

  it('survives a few hundred malformed requests (seeded)', async () => {
    const statuses = await sendAll(url, malformedRequests(11, 300));
    expect(statuses.filter((status) => status !== undefined && status >= 500)).toEqual([]);
    await stillServes();
    expect(stderr).toBe('');
  });
});
