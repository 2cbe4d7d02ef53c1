import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../scripts/lib/catalog.ts';
import { GENERATED, ROOT } from '../../scripts/lib/paths.ts';
import { BUILD_INPUTS, loadVersion } from './load-version.ts';

const scratch = (name: string, text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'payjp-diff-load-')), name);
  writeFileSync(file, text);
  return file;
};

/** A copy of this checkout's build inputs, one file of openapi/ edited: what `npm run diff -- --head <dir>` builds. */
const editedCheckout = (file: string, edit: (text: string) => string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'payjp-diff-checkout-'));
  for (const input of BUILD_INPUTS) cpSync(join(ROOT, input), join(dir, input), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
};
const CUSTOMERS = 'openapi/paths/customers/customers.yaml';
const LIMIT_REF = '$ref: ../../components/parameters/common/Limit.yaml';
/** Line and column (1-based) of the first `text` in a file of this checkout. */
const lineOf = (file: string, text: string): string => {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  return `${line + 1}:${lines[line]!.indexOf(text) + 1}`;
};

describe('building a checkout (npm run bundle and npm run diff build alike)', () => {
  it('refuses a $ref to a URL naming its file and line, and fetches nothing', async () => {
    let requests = 0;
    const server = createServer((_, res) => {
      requests += 1;
      res.end(readFileSync(join(ROOT, 'openapi/components/parameters/common/Limit.yaml')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/Limit.yaml`;
    try {
      const dir = editedCheckout(CUSTOMERS, (text) => text.replace(LIMIT_REF, `$ref: ${url}`));
      const where = lineOf(CUSTOMERS, LIMIT_REF);
      await expect(loadVersion(dir, '--head')).rejects.toThrow(`${CUSTOMERS}:${where}: Can't resolve $ref: ${url} is a URL`);
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('reports YAML that does not parse with its file and line, not as an external reference', async () => {
    const list = 'openapi/components/schemas/customers/CustomerList.yaml';
    const lines = readFileSync(join(ROOT, list), 'utf8').split('\n').length;
    const dir = editedCheckout(list, (text) => `${text}  broken: [1, 2\n`);
    const failure = loadVersion(dir, '--head');
    await expect(failure).rejects.toThrow(`${list}:${lines}:3: Failed to parse: bad indentation of a mapping entry`);
    await expect(failure).rejects.not.toThrow(/external reference/);
  });
});

describe('loadVersion', () => {
  it('reads a bundle file, JSON or YAML alike, its catalog read back from the problem examples', async () => {
    const json = await loadVersion('generated/openapi.json', '--base');
    const yaml = await loadVersion(join(GENERATED, 'openapi.yaml'), '--base');
    expect(yaml.document).toEqual(json.document);
    expect(json).toMatchObject({ label: 'generated/openapi.json', catalogFrom: 'bundle', acknowledgements: [] });
    const catalog = loadCatalog().map(({ code, status, title, type }) => ({ code, status, title, type }));
    expect(json.catalog.map(({ code, status, title, type }) => ({ code, status, title, type }))).toEqual(expect.arrayContaining(catalog));
    expect(json.catalog).toHaveLength(catalog.length);
    expect(json.catalog.every((entry) => entry.retry === null && entry.headers === null)).toBe(true);
  });

  it('reads the release baseline with its catalog', async () => {
    const baseline = await loadVersion('diff/baseline', '--base');
    expect(baseline).toMatchObject({ label: 'diff/baseline', catalogFrom: 'catalog' });
    expect(baseline.catalog.find((entry) => entry.code === 'rate_limit_exceeded')).toMatchObject({
      status: 429,
      retry: expect.any(String),
      headers: ['Retry-After'],
    });
  });

  it("builds a git ref with that commit's own build, and the working tree with its own", async () => {
    const [head, tree] = await Promise.all([loadVersion('HEAD', '--base'), loadVersion(undefined, '--head')]);
    expect(head.label).toMatch(/^HEAD \([0-9a-f]{7}\)$/);
    expect(head.catalogFrom).toBe('catalog');
    expect(Object.keys(head.document['paths'] as object).length).toBeGreaterThan(0);
    expect(tree).toMatchObject({ label: 'working tree', catalogFrom: 'catalog' });
  });

  it('names the option and the input it cannot read', async () => {
    await expect(loadVersion('no-such-ref-or-file', '--base')).rejects.toThrow(
      '--base no-such-ref-or-file: neither a file, a folder nor a git ref of this repository',
    );
    await expect(loadVersion('docs', '--head')).rejects.toThrow(
      '--head docs: a folder must hold a snapshot (openapi.json, catalog.json) or a checkout (openapi/openapi.yaml)',
    );
    const notOpenapi = scratch('x.yaml', 'title: not a spec\n');
    await expect(loadVersion(notOpenapi, '--base')).rejects.toThrow(`${notOpenapi}: not an OpenAPI document (no \`openapi\` field)`);
    const broken = scratch('x.json', '{"openapi": ');
    await expect(loadVersion(broken, '--base')).rejects.toThrow(broken);
  });
});
