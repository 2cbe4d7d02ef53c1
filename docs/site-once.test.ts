// The site is built once for its inputs (docs/lib/site.ts): what its own build writes among the inputs' folders,
// the site and the lock holding the building process's PID, must not change their digest. It did (the lock is
// docs/dist.lock): every later siteOnce rebuilt the site, and rebuilt it under a test serving it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { inputsDigest } from './lib/site.ts';

const root = mkdtempSync(join(tmpdir(), 'payjp-site-inputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test("the inputs' digest ignores the site and its build's lock, and follows every input", () => {
  mkdirSync(join(root, 'docs/guides'), { recursive: true });
  writeFileSync(join(root, 'docs/guides/errors.md'), '# Errors\n');
  const before = inputsDigest(root);
  mkdirSync(join(root, 'docs/dist'));
  writeFileSync(join(root, 'docs/dist/index.html'), '<h1>reference</h1>');
  writeFileSync(join(root, 'docs/dist.lock'), String(process.pid));
  expect(inputsDigest(root)).toBe(before);
  writeFileSync(join(root, 'docs/guides/errors.md'), '# Errors, changed\n');
  expect(inputsDigest(root)).not.toBe(before);
});
