// A static file server for docs/dist on 127.0.0.1: `npm run docs` first, then `node docs/serve.ts`
// (PORT, default 4011). tools/start.ts and the browser test use `serveDocs()`.
import { type Stats, createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream';
import { readTarget } from '../contract-core/http/request-target.ts';
import { DIST } from './lib/paths.ts';
import { REFERENCE_PAGE_JA } from './lib/reference-links.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Whether Japanese is the language an Accept-Language header (RFC 9110 §12.5.4) ranks highest. */
export function prefersJapanese(header: string | undefined): boolean {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag !== '' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag === 'ja' || ranked[0]?.tag.startsWith('ja-') === true;
}

export interface DocsServer {
  url: string;
  close(): Promise<void>;
}

/** The file a URL path names inside `root` and its size, or null when it would leave `root` or is not a file. */
function resolveFile(root: string, urlPath: string): { file: string; size: number } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const target = resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  const inside = relative(root, target);
  if (inside.startsWith('..') || isAbsolute(inside)) return null;
  const stats = statOf(target);
  const file = stats?.isDirectory() ? join(target, 'index.html') : target;
  const fileStats = file === target ? stats : statOf(file);
  return fileStats?.isFile() ? { file, size: fileStats.size } : null;
}

/** The file's stats, or undefined for anything that names no file (missing, a name too long, a vanished one). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

export function serveDocs({ port = Number(process.env['PORT'] ?? 4011), root = DIST } = {}): Promise<DocsServer> {
  const base = resolve(root);
  if (!existsSync(join(base, 'index.html'))) {
    return Promise.reject(new Error(`${join(base, 'index.html')} is missing: run \`npm run docs\` first`));
  }
  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const target = readTarget(method, req.url ?? '/');
    if (target.form === 'invalid') {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${target.reason}\n`);
      return;
    }
    // The site's front page in Japanese for a visitor whose browser prefers it (unless they chose ?lang=en).
    const japanese =
      target.form === 'path' && target.path === '/' && !/(^|&)lang=en(&|$)/.test(target.query) && prefersJapanese(req.headers['accept-language']);
    const found = target.form === 'path' ? resolveFile(base, japanese ? `/${REFERENCE_PAGE_JA}` : target.path) : null;
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(found.file)] ?? 'application/octet-stream',
      'Content-Length': found.size,
      'X-Content-Type-Options': 'nosniff',
      ...(target.form === 'path' && target.path === '/' ? { Vary: 'Accept-Language' } : {}),
    });
    if (method === 'HEAD') res.end();
    // A file that fails while read (or a client that leaves) ends this answer only; the stream is closed.
    else pipeline(createReadStream(found.file), res, () => {});
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://127.0.0.1:${bound}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections(); // a browser's keep-alive connections would hold close() open
          }),
      });
    });
  });
}

if (import.meta.main) {
  const { url } = await serveDocs();
  console.log(`docs: ${url} (reference), ${url}errors.html (error catalog)`);
}
