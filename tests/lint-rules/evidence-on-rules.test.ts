// contract/evidence-on-rules: every schema constraint, and every webhook's event type, says where it comes from.
import { expect, it } from 'vitest';
import { lintWith, ok, spec } from './support.ts';

const schema = (node: object) => spec({}, { components: { schemas: { Limit: { type: 'integer', ...node } } } });
const messages = async (document: object) => (await lintWith('evidence-on-rules', document)).map((f) => f.message);

it('takes constraints with their evidence', async () => {
  expect(await messages(schema({ minimum: 1, 'x-evidence': { minimum: { source: 'client' } } }))).toEqual([]);
  expect(await messages(schema({ minimum: 1, 'x-evidence': { minimum: { source: 'inferred', reason: 'a count' } } }))).toEqual([]);
});

it('refuses a constraint without evidence, at the schema', async () => {
  const found = await lintWith('evidence-on-rules', schema({ minimum: 1, maximum: 100 }));
  expect(found.map((f) => [f.message, f.pointer])).toEqual([
    [
      'a schema constraint needs x-evidence: {minimum: {source, reason}, maximum: {source, reason}} (source: published, client, incident, inferred)',
      '#/components/schemas/Limit',
    ],
  ]);
});

it('refuses evidence that is missing, unreasoned, of an unknown source, or for no rule', async () => {
  expect(await messages(schema({ minimum: 1, maximum: 100, 'x-evidence': { minimum: { source: 'inferred' }, maxima: { source: 'client' } } }))).toEqual([
    'a schema constraint: x-evidence.minimum is inferred: say why in a reason',
    'a schema constraint: x-evidence.maximum is missing',
    'a schema constraint: x-evidence.maxima has no rule to back (the node has no maxima)',
  ]);
});

it('asks a webhook where its event type comes from, and constraints beside a $ref for theirs', async () => {
  const webhook = { post: { operationId: 'eventThingExpired', responses: ok(), 'x-evidence': { event_type: { source: 'rumour' } } } };
  expect(await messages(spec({}, { webhooks: { 'thing.expired': webhook } }))).toEqual([
    'webhook eventThingExpired: x-evidence.event_type source must be one of published, client, incident, inferred (got "rumour")',
  ]);
  const price = { type: 'object', properties: { unit_amount: { $ref: '#/components/schemas/Amount', minimum: 0 } } };
  expect(await messages(spec({}, { components: { schemas: { Amount: { type: 'integer' }, Price: price } } }))).toEqual([
    'a schema constraint beside $ref needs x-evidence: {minimum: {source, reason}} (source: published, client, incident, inferred)',
  ]);
});
