import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../scripts/lib/catalog.ts';
import { GENERATED } from '../../scripts/lib/paths.ts';
import { loadVersion } from './load-version.ts';

const scratch = (name: string, text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'payjp-diff-load-')), name);
  writeFileSync(file, text);
  return file;
};

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
