// The recipes and provocations as data: each aims at a code its operation documents, one per (operation,
// code); the test tokens default to tokens the sandbox knows; and what must stay off against a shared server
// (switched faults, the rate-limit burst, live keys, card numbers) is skipped before anything is sent.
import { describe, expect, test } from 'vitest';
import { OPERATION_ERRORS } from '../generated/error-catalog.ts';
import { testCard } from '../contract-core/test-cards.ts';
import { createContractClient } from './lib/client.ts';
import { loadContract, readContract, type Operation } from '../contract-core/contract.ts';
import { CANNOT_PROVOKE, NEEDS_SWITCHED_SERVER, NOTHING_TO_INVALIDATE, RATE_LIMIT_OFF, provoke } from './lib/provoke.ts';
import { RECIPES } from './lib/recipes.ts';
import { Skip, type Run } from './lib/step.ts';
import { createValidator } from '../contract-core/validator.ts';
import { LOCAL_TEST_KEY } from './lib/target.ts';
import { TEST_TOKEN_SETTINGS, readTestTokens } from './lib/test-tokens.ts';

const contract = loadContract();

test('every recipe aims at an operation of the bundle and a code it documents, once', () => {
  const seen = new Set<string>();
  for (const recipe of RECIPES) {
    const op = contract.operations.find((o) => o.operationId === recipe.operationId);
    expect(op, `${recipe.operationId} is not in the bundle`).toBeDefined();
    if (recipe.code) expect(OPERATION_ERRORS[recipe.operationId as keyof typeof OPERATION_ERRORS] as readonly string[]).toContain(recipe.code);
    const key = `${recipe.operationId} ${recipe.code ?? 'success'}`;
    expect(seen.has(key), `two recipes for ${key}`).toBe(false);
    seen.add(key);
  }
});

describe('test tokens', () => {
  test("default to the sandbox's documented test cards", () => {
    const defaults = readTestTokens({});
    for (const [name, token] of Object.entries(defaults)) {
      if (name.startsWith('applePay')) continue; // Apple Pay tokens fail before any card is looked up
      expect(testCard(token), `${name}: ${token} is not a sandbox test card`).toBeDefined();
    }
    expect(testCard(defaults.declined)?.outcome).toBe('card_declined');
    expect(testCard(defaults.captureDeclined)?.captureRefusal).toBe('card_declined');
  });

  test('are taken from the environment, one variable each', () => {
    const env = Object.fromEntries(Object.values(TEST_TOKEN_SETTINGS).map((s, i) => [s.env, `tok_staging_${i}`]));
    expect(new Set(Object.values(readTestTokens(env))).size).toBe(Object.keys(TEST_TOKEN_SETTINGS).length);
    expect(readTestTokens({ CONTRACT_TEST_CARD_TOKEN_DECLINED: 'tok_staging_declined' }).declined).toBe('tok_staging_declined');
  });
});

describe('against a stateful server the suite cannot switch (staging)', () => {
  const sent: string[] = [];
  const client = createContractClient({ baseUrl: 'http://127.0.0.1:9', secretKey: LOCAL_TEST_KEY, rate: 10, concurrency: 1, timeoutMs: 100 });
  const original = client.send;
  client.send = (request) => (sent.push(request.path), original(request));
  const run: Run = {
    contract,
    client,
    target: {
      kind: 'remote',
      baseUrl: 'http://127.0.0.1:9',
      secretKey: LOCAL_TEST_KEY,
      rate: 10,
      concurrency: 1,
      timeoutMs: 100,
      stateful: true,
      close: async () => {},
    },
    lenient: true,
    validator: createValidator(contract),
    tokens: readTestTokens({}),
    idFor: async () => 'unused',
    anotherId: async () => 'unused',
    variant: undefined,
  };
  const write = contract.operations.find((op) => op.errors.includes('idempotency_timeout'))!;
  const resolved = async () => ({});
  const reasonOf = async (code: string, op: Operation = write): Promise<string> => {
    const skipped = await provoke(run, op, code, { resolved }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(skipped).toBeInstanceOf(Skip);
    return (skipped as Skip).message;
  };

  test('faults that need a switched server are skipped, the rate limit unless CONTRACT_PROVOKE_RATE_LIMIT=1', async () => {
    delete process.env['CONTRACT_PROVOKE_RATE_LIMIT'];
    for (const code of ['internal_server_error', 'idempotency_infrastructure_error', 'idempotency_timeout'])
      expect(await reasonOf(code)).toBe(NEEDS_SWITCHED_SERVER);
    expect(await reasonOf('rate_limit_exceeded')).toBe(RATE_LIMIT_OFF);
    for (const code of Object.keys(CANNOT_PROVOKE)) expect(await reasonOf(code)).toBe(CANNOT_PROVOKE[code]);
    expect(sent).toEqual([]);
  });

  test('validation_error is skipped as unprovokable only where no body, query or constrained parameter exists', async () => {
    // A GET by ID of the bundle whose path parameter takes any string, and the same with a pattern on it.
    const plain = contract.operations.find(
      (op) =>
        op.method === 'get' &&
        !op.isList &&
        op.template.includes('{') &&
        op.parameters.every((p) => p.in === 'path' && p.schema['type'] === 'string' && Object.keys(p.schema).length === 1),
    );
    expect(plain, 'the bundle has a GET by an unconstrained ID').toBeDefined();
    expect(await reasonOf('validation_error', plain)).toBe(NOTHING_TO_INVALIDATE);
    const name = plain!.parameters[0]!.name;
    const constrained = readContract({
      paths: {
        [plain!.template]: {
          get: {
            operationId: 'constrained',
            parameters: [{ name, in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z]+_' } }],
            'x-errors': ['validation_error'],
          },
        },
      },
    }).operations[0]!;
    expect(await reasonOf('validation_error', constrained)).not.toBe(NOTHING_TO_INVALIDATE);
    const list = contract.operations.find((op) => op.isList && !op.requestBody)!;
    expect(await reasonOf('validation_error', list)).not.toBe(NOTHING_TO_INVALIDATE);
    expect(sent).toEqual([]);
  });
});
