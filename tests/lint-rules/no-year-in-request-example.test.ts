// contract/no-year-in-request-example: a request example holds no literal year but the last one, 9999: a card
// example with `exp_year: 2030` is refused as expired from 2031 on.
import { expect, it } from 'vitest';
import { body, lintWith, ok, spec } from './support.ts';

const operation = (example: unknown) => ({ post: { operationId: 'createThing', requestBody: body({ card: example }), responses: ok('card') } });
const card = (exp_year: unknown) => ({ type: 'card', card: { number: 'tok_visa', exp_month: 12, exp_year, cvc: '123' } });

it('refuses a year that will pass, at its example, with the pointer to it', async () => {
  const found = await lintWith('no-year-in-request-example', spec({ '/v2/payment_methods': operation(card(2030)) }));
  expect(found.map((f) => [f.message, f.pointer])).toEqual([
    [
      'a request example holds the literal year 2030 at examples/card/card/exp_year: it passes, and then the example is refused; write 9999, the last year the field takes, or leave the field out',
      '#/paths/~1v2~1payment_methods/post/requestBody/content/application~1json/examples/card',
    ],
  ]);
});

it('refuses any field named as a year, and takes 9999, other numbers and a webhook body', async () => {
  expect((await lintWith('no-year-in-request-example', spec({ '/v2/things': operation({ year: 2027 }) }))).map((f) => f.message)).toEqual([
    expect.stringContaining('the literal year 2027 at examples/card/year:'),
  ]);
  const document = spec(
    { '/v2/payment_methods': operation({ ...card(9999), amount: 2030, years: 2030 }) },
    { webhooks: { 'card.created': operation(card(2030)) } },
  );
  expect(await lintWith('no-year-in-request-example', document)).toEqual([]);
});
