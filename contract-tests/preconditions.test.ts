// A case that needs an ID no request can make (a v1 card for getPaymentMethodByCard, a dispute) names the
// variable that supplies it and is reported as a missing precondition, apart from contract violations; the
// READMEs' staging recipes list every such variable, derived from the bundle.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { loadContract, matchOperation } from '../contract-core/contract.ts';
import { idsNoRequestCreates } from './lib/fixtures.ts';
import { TestKey } from './lib/keys.ts';
import { writeReports } from './reporters/files.ts';
import type { CaseResult } from './lib/result.ts';
import { caseLine as line } from './reporters/console.ts';
import { runStep } from './lib/runner.ts';
import { failuresOf, openRun, operationCases } from './lib/suite.ts';
import { ROOT } from '../contract-core/files.ts';
import { EXAMPLE_OBJECTS } from '../contract-core/example-objects.ts';

const contract = loadContract();
/** What a card_id precondition adds: the sandbox seeds one (issue 30: the message names how to use it). */
const SEEDED = ` (against this package's sandbox: --target sandbox, or CONTRACT_TARGET=sandbox, takes the card_id it seeds, ${EXAMPLE_OBJECTS.v1Card})`;

// Staging as QA may find it: a stateful server with no object of the kinds only PAY.JP makes.
const seen: string[] = [];
const server = createServer((req: IncomingMessage, res) => {
  seen.push(`${req.method} ${req.url}`);
  const list = matchOperation(contract.operations, req.method ?? '', req.url ?? '/')?.operation.isList;
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list ? { object: 'list', data: [], has_more: false, url: req.url } : {}));
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => void (seen.length = 0));
afterEach(() => vi.unstubAllEnvs());

/** The success case of an operation against the server above, as `npm run test:contract` runs it remotely. */
async function success(operationId: string): Promise<CaseResult> {
  const run = await openRun({
    contract,
    config: {
      kind: 'remote',
      baseUrl,
      secretKey: new TestKey(['sk', 'test', 'qa0000'].join('_'), 'the test key'),
      rate: 1000,
      concurrency: 2,
      timeoutMs: 2000,
    },
  });
  try {
    const step = operationCases(contract, () => run.fixtures)
      .get(operationId)!
      .find((s) => s.expectedStatus < 300)!;
    return (await runStep(run, step)).result;
  } finally {
    await run.close();
  }
}

describe('an ID no request can make', () => {
  test('getPaymentMethodByCard without CONTRACT_ID_CARD_ID: a missing precondition naming it, nothing sent', async () => {
    const result = await success('getPaymentMethodByCard');
    expect(result.missingPrecondition).toBe(`needs an existing card_id: no request creates or lists one; set CONTRACT_ID_CARD_ID${SEEDED}`);
    expect([result.mode, result.violations, result.failures, result.infrastructure]).toEqual(['live', [], [], []]);
    expect(seen).toEqual([]);
    expect(failuresOf(result)).toEqual([
      `getPaymentMethodByCard MISSING PRECONDITION: needs an existing card_id: no request creates or lists one; set CONTRACT_ID_CARD_ID${SEEDED}`,
    ]);
  });

  test('with CONTRACT_ID_CARD_ID the case is sent with that ID', async () => {
    vi.stubEnv('CONTRACT_ID_CARD_ID', 'car_qa_1');
    const result = await success('getPaymentMethodByCard');
    expect(result.missingPrecondition).toBeUndefined();
    expect(seen).toEqual(['GET /v2/payment_methods/cards/car_qa_1']);
  });

  test('a dispute, when the list holds none: a missing precondition naming CONTRACT_ID_PAYMENT_DISPUTE_ID', async () => {
    const result = await success('getPaymentDispute');
    expect(result.missingPrecondition).toBe(
      'needs an existing payment_dispute_id: getAllPaymentDisputes lists none and no request creates one; set CONTRACT_ID_PAYMENT_DISPUTE_ID',
    );
    expect(seen).toEqual(['GET /v2/payment_disputes?limit=1']);
  });

  test('is reported apart in every report: console, Markdown, JSON, JUnit', async () => {
    const result = await success('getPaymentMethodByCard');
    const op = contract.operations.find((o) => o.operationId === 'getPaymentMethodByCard')!;
    const dir = mkdtempSync(join(tmpdir(), 'contract-preconditions-'));
    try {
      writeReports([op], [result], 'remote', dir);
      const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
      expect(line(result)).toContain('✗ live       getPaymentMethodByCard: 200 success\n    MISSING PRECONDITION: needs an existing card_id');
      const markdown = read('contract-summary.md');
      expect(markdown).toContain('contract violations: 0; infrastructure failures: 0; missing preconditions: 1');
      expect(markdown).toMatch(/## Contract violations\n\nNone\./);
      expect(markdown).toContain(
        `| getPaymentMethodByCard | 200 success | needs an existing card_id: no request creates or lists one; set CONTRACT_ID_CARD_ID${SEEDED} |`,
      );
      expect((JSON.parse(read('contract-results.json')) as CaseResult[])[0]!.missingPrecondition).toMatch(
        /set CONTRACT_ID_CARD_ID \(against this package's sandbox: --target sandbox/,
      );
      expect(read('contract-junit.xml')).toContain(
        `<error type="missing-precondition" message="MISSING PRECONDITION: needs an existing card_id: no request creates or lists one; set CONTRACT_ID_CARD_ID${SEEDED}">`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the variables that supply them', () => {
  const variables = idsNoRequestCreates(contract).map((id) => id.variable);

  test('come from the bundle: every path parameter without a create that has an example', () => {
    expect(variables).toContain('CONTRACT_ID_CARD_ID');
    expect(variables).toContain('CONTRACT_ID_PAYMENT_DISPUTE_ID');
    expect(variables).not.toContain('CONTRACT_ID_CUSTOMER_ID');
  });

  test.each(['README.md', 'contract-tests/README.md'])('are listed, all and only them, in %s', (file) => {
    const listed = new Set(readFileSync(join(ROOT, file), 'utf8').match(/CONTRACT_ID_[A-Z_]*[A-Z]/g));
    expect([...listed].sort()).toEqual([...variables].sort());
  });
});
