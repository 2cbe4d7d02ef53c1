// `webhooks-check`: the receiver check of `npm run webhooks:check` (webhooks/receiver-check.ts), its flags and
// variable, its report. Exit 0 the receiver passed, 1 it failed a check, 2 a usage error (nothing sent).
import { checkReceiver, formatReport } from '../../webhooks/receiver-check.ts';
import { UsageError, stringOf, type Command } from './command.ts';
import { progress } from './output.ts';

export const webhooksCheck: Command = {
  name: 'webhooks-check',
  summary: 'send your webhook receiver every documented event and requests without its token; exit 0 it passed, 1 it failed',
  description: [
    "Sends your receiver, one at a time: every documented event (the spec's example under a fresh event ID),",
    'the first again (a duplicate), an event of a type the spec does not list, one with a wrong token and one',
    'with none. It passes when the receiver answered 2xx within the timeout to the first nine and 4xx to the',
    'last two. Only https URLs, or http ones to this machine, without a user name or password are taken: the token goes with every delivery. Prints a table (stdout).',
  ].join('\n'),
  flags: {
    url: { type: 'string', value: '<url>', description: "your receiver's URL" },
    token: { type: 'string', value: '<token>', description: 'the webhook token your receiver checks', env: 'PAYJP_WEBHOOK_TOKEN' },
    'timeout-ms': { type: 'string', value: '<ms>', description: 'how long the receiver has to answer each', default: '10000, as the sandbox waits' },
  },
  examples: [
    'PAYJP_WEBHOOK_TOKEN=whook_test payjp-v2-contract webhooks-check --url http://127.0.0.1:3000/webhooks',
    'payjp-v2-contract webhooks-check --url http://127.0.0.1:3000/webhooks --token whook_test --timeout-ms 2000',
  ],
  async run(values, _, output) {
    const url = stringOf(values, 'url');
    const token = stringOf(values, 'token');
    if (url === undefined) throw new UsageError("give your receiver's URL (--url)");
    if (token === undefined) throw new UsageError('give the webhook token your receiver checks (--token or PAYJP_WEBHOOK_TOKEN)');
    const timeout = stringOf(values, 'timeout-ms');
    const shown = progress(output, 'webhooks-check');
    const report = await checkReceiver({
      url,
      token,
      ...(timeout === undefined ? {} : { timeoutMs: Number(timeout) }),
      onResult: (result, done, total) => shown.update(done, total, `${result.name}: ${result.status ?? 'no answer'}`),
    });
    shown.end();
    output.out(formatReport(report));
    return report.ok ? 0 : 1;
  },
};
