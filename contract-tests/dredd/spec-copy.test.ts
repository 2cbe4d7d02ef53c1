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
    // The balances' success example sends no cursor (their filter examples would leave every seeded one out).
    const list = ((paths['/v2/balances']!['get'] as JsonObject)['parameters'] as JsonObject[]).find((p) => p['name'] === 'starting_after')!;
    expect(list['example']).toBeUndefined();
    expect(list['examples']).toBeUndefined();
  });
});
