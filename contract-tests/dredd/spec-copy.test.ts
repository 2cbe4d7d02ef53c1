// The copy Dredd reads: every parameter of every operation inline, with the bare example of the operation's
// success (Dredd runs no transaction of an operation whose URI parameter has none).
import { describe, expect, it } from 'vitest';
import { loadContract, type JsonObject } from '../../contract-core/contract.ts';
import { dreddCopy } from './spec-copy.ts';

describe("Dredd's copy of the bundle", () => {
  const contract = loadContract();
  const copy = dreddCopy(contract);
  const paths = copy['paths'] as Record<string, JsonObject>;

  it("gives each path parameter the example of its operation's success, and no named examples", () => {
    for (const op of contract.operations) {
      const parameters = (paths[op.template]![op.method] as JsonObject)['parameters'] as JsonObject[];
      for (const p of op.parameters.filter((p) => p.in === 'path')) {
        const written = parameters.find((q) => q['name'] === p.name && q['in'] === 'path')!;
        expect(written['example'], `${op.operationId} ${p.name}`).toBe(p.example);
        expect(written['examples']).toBeUndefined();
      }
    }
    // One object per answer: capture's flow is not confirm's.
    const flowOf = (path: string) =>
      ((paths[path]!['post'] as JsonObject)['parameters'] as JsonObject[]).find((p) => p['name'] === 'payment_flow_id')!['example'];
    expect(flowOf('/v2/payment_flows/{payment_flow_id}/capture')).not.toBe(flowOf('/v2/payment_flows/{payment_flow_id}/confirm'));
  });

  it('leaves an optional parameter without an example of the success as it is, without its error examples', () => {
    // The line items' cursor has an example for resource_missing only.
    const lineItems = paths['/v2/checkout/sessions/{checkout_session_id}/line_items']!['get'] as JsonObject;
    const list = (lineItems['parameters'] as JsonObject[]).find((p) => p['name'] === 'starting_after')!;
    expect(list['example']).toBeUndefined();
    expect(list['examples']).toBeUndefined();
  });

  it("gives no cursor an example: Dredd would send it with the filters' examples, which leave its object out", () => {
    for (const op of contract.operations.filter((o) => o.parameters.some((p) => p.name === 'starting_after'))) {
      const parameters = (paths[op.template]![op.method] as JsonObject)['parameters'] as JsonObject[];
      const cursor = parameters.find((p) => p['name'] === 'starting_after')!;
      expect(cursor['example'], op.operationId).toBeUndefined();
      expect(cursor['examples'], op.operationId).toBeUndefined();
    }
    // The bundle does give one, for example-driven tools that vary a request (Specmatic).
    expect(contract.operations.find((o) => o.operationId === 'getAllBalances')!.parameters.find((p) => p.name === 'starting_after')!.example).toBe(
      'ba_4Nf8Rk2Yp6',
    );
  });
});
