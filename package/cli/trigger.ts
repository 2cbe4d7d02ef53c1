// `trigger`: makes a running sandbox emit an event, as `npm run trigger` does (webhooks/trigger.ts): the same
// refusals before anything is sent (a test key only, https or http to this machine only). The key comes from
// PAYJP_SECRET_KEY only, as `verify`'s does: a flag would show it in `ps` and shell history.
import { DEFAULT_BASE_URL, TRIGGER_TYPES, trigger as triggerEvent } from '../../webhooks/trigger.ts';
import { UsageError, stringOf, type Command } from './command.ts';

export const trigger: Command = {
  name: 'trigger',
  summary: 'make a running sandbox emit an event by the state change that causes it; prints the event ID',
  positionals: '<event type>',
  description: [
    'Does over HTTP what causes the event, as your code and your customer would (a payment confirmed, declined',
    'or needing 3-D Secure, a card attached, a refund, a checkout session paid or left to expire), then prints',
    'the ID of the event the events list shows (stdout); the sandbox delivers it to its --webhook-url endpoints.',
    `Types: ${TRIGGER_TYPES.join(', ')}.`,
    'The key is PAYJP_SECRET_KEY (default sk_test_trigger), a secret test key; anything else, or a base URL',
    'that is not https or http to this machine, is refused before a request is sent.',
  ].join('\n'),
  flags: {
    'base-url': { type: 'string', value: '<url>', description: 'the running sandbox', default: DEFAULT_BASE_URL },
  },
  examples: [
    'payjp-v2-contract trigger payment_flow.succeeded',
    'PAYJP_SECRET_KEY=sk_test_mine payjp-v2-contract trigger checkout.session.expired --base-url http://127.0.0.1:4020',
  ],
  async run(values, positionals, output) {
    const [type, ...rest] = positionals;
    if (type === undefined || rest.length > 0) throw new UsageError(`give one event type: ${TRIGGER_TYPES.join(', ')} (got '${positionals.join(' ')}')`);
    const baseUrl = stringOf(values, 'base-url');
    const key = process.env['PAYJP_SECRET_KEY'];
    const triggered = await triggerEvent(type, { ...(baseUrl === undefined ? {} : { baseUrl }), ...(key ? { key } : {}) });
    output.out(triggered.eventId);
    return 0;
  },
};
