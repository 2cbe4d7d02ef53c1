// npm start: builds what is missing or stale, then serves the mock and the docs site together.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveDocs } from '../docs/serve.ts';
import { startMock } from '../mock/server.ts';
import { GENERATED } from '../scripts/lib/paths.ts';
import { ROOT } from '../contract-core/files.ts';

const newest = (dir: string): number =>
  Math.max(
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => statSync(join(e.parentPath, e.name)).mtimeMs),
  );
const run = (script: string): void => {
  const { status } = spawnSync('npm', ['run', '-s', script], { cwd: ROOT, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

const bundle = join(GENERATED, 'openapi.json');
if (!existsSync(bundle) || newest(join(ROOT, 'openapi')) > statSync(bundle).mtimeMs) run('build');
if (!existsSync(join(ROOT, 'docs/dist/index.html')) || statSync(bundle).mtimeMs > statSync(join(ROOT, 'docs/dist/index.html')).mtimeMs) run('docs');

const mock = await startMock({ port: Number(process.env['PORT'] ?? 4010) });
const docs = await serveDocs({ port: Number(process.env['DOCS_PORT'] ?? 4011) });
console.log(`mock: ${mock.url}  (try: curl -H 'Authorization: Bearer sk_test_example' ${mock.url}/v2/customers)`);
console.log(`docs: ${docs.url}  (errors: ${new URL('errors.html', docs.url).href})`);
const stop = async (): Promise<void> => {
  await Promise.all([mock.close(), docs.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
