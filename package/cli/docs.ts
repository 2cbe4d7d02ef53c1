// `docs`: the docs site (the reference with the guides, the error catalog in English and Japanese, the
// changelog). The package carries it as built from its own version of the contract when it was made; in
// this repository it is docs/dist, written by `npm run docs`.
import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveDocs } from '../../docs/serve.ts';
import { DIST } from '../../docs/lib/paths.ts';
import { UsageError, portOf, stringOf, type Command } from './command.ts';
import { untilStopped } from './serve.ts';

export const docs: Command = {
  name: 'docs',
  summary: 'write the docs site into a folder (build) or serve it on 127.0.0.1 (serve)',
  positionals: 'build | serve',
  description: [
    'build: writes the static site (index.html: the reference and guides; errors.html and errors.ja.html: the',
    'error catalog; changelog.html) into --out, to publish with your own docs. It is the site of this version',
    'of the contract, made offline; nothing on it is fetched from elsewhere.',
    'serve: serves the same site on 127.0.0.1 until Ctrl-C or SIGTERM.',
  ].join('\n'),
  flags: {
    out: { type: 'string', value: '<dir>', description: 'build: the folder to write (created; files of the same name are replaced)', default: 'docs-site' },
    port: { type: 'string', value: '<port>', description: 'serve: port to listen on; 0 picks a free one', env: 'PORT', default: '4011' },
  },
  examples: ['payjp-v2-contract docs build --out public/payjp', 'payjp-v2-contract docs serve --port 4011'],
  async run(values, positionals, output) {
    const [action, ...rest] = positionals;
    if ((action !== 'build' && action !== 'serve') || rest.length > 0) throw new UsageError(`docs takes build or serve (got '${positionals.join(' ')}')`);
    if (!existsSync(join(DIST, 'index.html'))) throw new Error(`the docs site is missing at ${DIST}: run \`npm run docs\` in the contract's repository`);
    if (action === 'build') {
      const out = resolve(stringOf(values, 'out') ?? 'docs-site');
      cpSync(DIST, out, { recursive: true });
      output.out(`docs: wrote ${out} (index.html, errors.html, errors.ja.html, changelog.html)`);
      return 0;
    }
    const server = await serveDocs({ port: portOf(values, 4011), root: DIST });
    output.out(`docs: ${server.url} (reference), ${server.url}errors.html (error catalog)`);
    return untilStopped(server.close);
  },
};
