// The field-fidelity check (tests/fidelity/, run by `npm run typecheck`) can fail: each of its checks,
// given one deliberately wrong field, is a tsc error naming that field, while the same check over the true
// types of a clean operation passes. Guards against a check that accepts everything (an `any`, a waiver
// too wide, a constraint that is never instantiated).
import { afterAll, describe, expect, it } from 'vitest';
import { scratchTypecheck } from './support/typecheck.ts';

const scratch = scratchTypecheck('fidelity');
afterAll(() => scratch.remove());

/** One case per line; `// <name>` after it names the case in tsc's report (by line). */
const cases = {
  control: `type Control = [OursAccept<'getCustomer', GetCustomer>, TheirsAccept<'getCustomer', GetCustomer, Ours<'getCustomer'>>, None<Findings<'getCustomer', GetCustomer>>];`,
  theirsWrongType: `type TheirsWrongType = OursAccept<'getCustomer', With<GetCustomer, 'response', WrongEmail<GetCustomer['response']>>>;`,
  oursWrongType: `type OursWrongType = TheirsAccept<'getCustomer', GetCustomer, With<Ours<'getCustomer'>, 'response', WrongEmail<Ours<'getCustomer'>['response']>>>;`,
  theirsExtraField: `type TheirsExtraField = None<Findings<'createCustomer', With<CreateCustomer, 'body', CreateCustomer['body'] & { nickname?: string }>>>;`,
  oursExtraField: `type OursExtraField = None<Findings<'createCustomer', CreateCustomer, With<Ours<'createCustomer'>, 'body', Ours<'createCustomer'>['body'] & { nickname?: string }>>>;`,
  oursMixedArray: `type OursMixedArray = None<Findings<'getCustomer', With<GetCustomer, 'response', GetCustomer['response'] & { tags: string[] }>, With<Ours<'getCustomer'>, 'response', Ours<'getCustomer'>['response'] & { tags: unknown[] & string[] }>>>;`,
};

const source = `import type * as P from '@payjp/payjpv2';
import type { Findings, None, OursAccept, TheirsAccept } from '../fidelity/checks.ts';
import type { Ours, Theirs } from '../fidelity/sides.ts';
type GetCustomer = Theirs<P.GetCustomerData, P.GetCustomerResponses>;
type CreateCustomer = Theirs<P.CreateCustomerData, P.CreateCustomerResponses>;
type With<T, K extends keyof T, V> = Omit<T, K> & { [P in K]: V };
type WrongEmail<Customer> = Omit<Customer, 'email'> & { email: number };
${Object.entries(cases)
  .map(([name, line]) => `export ${line} // ${name}`)
  .join('\n')}
`;

describe('the field-fidelity check', () => {
  const report = scratch.check(source);
  /** tsc's errors, each with its elaboration, by the case on whose line it is ('?' for any other place). */
  const errors = report
    .split(/\n(?=\S)/)
    .filter((error) => error.trim() !== '')
    .map((error) => {
      const line = Number(/check\.ts\((\d+),/.exec(error)?.[1]);
      return { error, at: /\/\/ (\w+)$/.exec(source.split('\n')[line - 1] ?? '')?.[1] ?? '?' };
    });
  const errorsOf = (name: keyof typeof cases): string =>
    errors
      .filter(({ at }) => at === name)
      .map(({ error }) => error)
      .join('\n');

  it('passes over the true types of a clean operation, and reports nothing but the wrong cases', () => {
    expect(errorsOf('control')).toBe('');
    expect(errors.filter(({ at }) => at === '?' || !(at in cases))).toEqual([]);
  }, 60_000);

  it('fails when a response their types describe has a field of another type than ours', () => {
    expect(errorsOf('theirsWrongType')).toMatch(/error TS2344[\s\S]*The types of 'response\.email' are incompatible/);
  });

  it('fails when our response has a field of another type than theirs', () => {
    expect(errorsOf('oursWrongType')).toMatch(/error TS2344[\s\S]*The types of 'response\.email' are incompatible/);
  });

  it('fails naming a request field only their client sends', () => {
    expect(errorsOf('theirsExtraField')).toContain('"theirs only: body.nickname"');
  });

  it('fails naming a request field only ours documents', () => {
    expect(errorsOf('oursExtraField')).toContain('"ours only: body.nickname"');
  });

  it('fails naming an array whose items a typed client cannot read', () => {
    expect(errorsOf('oursMixedArray')).toContain('"ours not a plain array: response.tags"');
  });
});
