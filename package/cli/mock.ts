// `mock`: the contract's mock (Prism behind the catalog-conformant front) on 127.0.0.1.
import { portOf, stringOf, type Command } from './command.ts';
import { untilStopped } from './serve.ts';

export const mock: Command = {
  name: 'mock',
  summary: "serve every operation from the contract: documented examples, problems in the catalog's shape",
  description: [
    'Serves every operation of the contract on 127.0.0.1 from its examples (or, with --dynamic, data generated',
    "from the schemas). Problems have the catalog's shape; `Prefer: example=card_declined` or `Prefer: code=429`",
    'picks a documented answer. Prints its URL, then one line per request; stops on Ctrl-C or SIGTERM.',
  ].join('\n'),
  flags: {
    port: { type: 'string', value: '<port>', description: 'port to listen on; 0 picks a free one', env: 'PORT', default: '4010' },
    dynamic: { type: 'boolean', description: 'generate data from the schemas instead of answering the examples', env: 'MOCK_DYNAMIC' },
    seed: { type: 'string', value: '<seed>', description: 'seed of the generated data (with --dynamic)', env: 'MOCK_SEED' },
    quiet: { type: 'boolean', description: 'no line per request' },
  },
  examples: ['payjp-v2-contract mock --port 4010', 'payjp-v2-contract mock --port 0 --dynamic --seed 7'],
  async run(values, _, output) {
    // Prism loads with the mock only: the other commands start without it.
    const { startMock } = await import('../../mock/server.ts');
    const seed = stringOf(values, 'seed');
    const dynamic = values['dynamic'] === true;
    const server = await startMock({ port: portOf(values, 4010), dynamic, ...(seed ? { seed } : {}), log: values['quiet'] === true ? false : output.out });
    output.out(`mock: ${server.url} (${dynamic ? 'dynamic data' : 'static examples'})`);
    return untilStopped(server.close);
  },
};
