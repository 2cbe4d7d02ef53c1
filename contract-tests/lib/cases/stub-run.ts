// For the case modules' tests: the operations of the bundle, and a run that sends nothing over the network.
// Its target is stateless, or stateful with IDs made up on demand (`<parameter>-made`); its client keeps what
// it is asked to send and answers each request with `answer(request)` (200 `{}` by default).
import { loadContract, type Operation } from '../../../contract-core/contract.ts';
import type { Answer, ContractClient, SendRequest } from '../client.ts';
import type { Run } from '../step.ts';
import { caseContext, type CaseContext } from './context.ts';

export const contract = loadContract();

export function operation(operationId: string): Operation {
  const op = contract.operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`${operationId} is not in the bundle`);
  return op;
}

/** The context of an operation's cases, with example values resolved as they are. */
export const contextOf = (operationId: string, coveredByScenario: ReadonlyMap<string, string> = new Map()): CaseContext =>
  caseContext(operation(operationId), { resolve: async (value) => value, coveredByScenario });

export interface StubRun extends Run {
  sent: SendRequest[];
}

export function stubRun(stateful: boolean, answer: (request: SendRequest) => { status: number; body: unknown } = () => ({ status: 200, body: {} })): StubRun {
  const sent: SendRequest[] = [];
  const client = {
    send: async (request: SendRequest) => {
      sent.push(request);
      const { status, body } = answer(request);
      const response: Answer = { status, headers: new Headers(), contentType: 'application/json', text: JSON.stringify(body), requestId: undefined };
      return {
        request: { method: request.method, url: request.path, path: request.path, headers: {}, body: undefined },
        response,
        retried: [],
        attempts: 1,
        durationMs: 0,
      };
    },
    exchanges: [],
  } as unknown as ContractClient;
  return {
    sent,
    contract,
    client,
    target: { stateful } as Run['target'],
    lenient: false,
    validator: undefined as unknown as Run['validator'],
    idFor: async (parameter) => `${parameter}-made`,
    anotherId: async (parameter) => `${parameter}-other`,
    tokens: {} as Run['tokens'],
    variant: undefined,
  };
}
