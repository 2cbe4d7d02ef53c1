// The contract tests' response validator: validations per second on recorded responses (a payment flow, a
// page of 100 objects), beside JSON.parse of the same bytes (the baseline), measured in the same run, per
// second of CPU time.
import { performance } from 'node:perf_hooks';
import { loadContract, type Json } from '../../contract-core/contract.ts';
import { createValidator, type ResponseUnderTest } from '../../contract-core/validator.ts';

const BUDGET_MS = 700; // per measurement, after a warm-up
const MAX_ITERATIONS = 2_000_000;

const contract = loadContract();
const compileStart = performance.now();
const { validateResponse } = createValidator(contract);
const compileMs = performance.now() - compileStart;

function recorded(operationId: string): { path: string; body: Json } {
  const op = contract.operations.find((o) => o.operationId === operationId);
  const body = op?.responses.get('200')?.content.get('application/json')?.examples.values().next().value;
  if (!op || body === undefined) throw new Error(`tools/bench/validator.ts: ${operationId} has no 200 example in the bundle`);
  return { path: op.template.replace(/\{[^}]+\}/g, 'x_bench'), body };
}
const flow = recorded('getPaymentFlow');
const list = recorded('getAllPaymentFlows');
const page = list.body as { data: Json[] };
const hundred = { ...page, data: Array.from({ length: 100 }, (_, i) => ({ ...(page.data[i % page.data.length] as object), id: `pfw_bench_${i}` })) };

/** Operations per second of CPU time (the box may be shared: wall time would count the neighbours). */
function opsPerSecond(run: () => unknown): number {
  for (let i = 0; i < 1000; i += 1) run();
  let n = 0;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  while (n < MAX_ITERATIONS && (n & 255 || performance.now() - wallStart < BUDGET_MS)) {
    run();
    n += 1;
  }
  const cpu = process.cpuUsage(cpuStart);
  return n / ((cpu.user + cpu.system) / 1e6);
}

const rows: [string, number, number, number][] = [];
for (const [name, path, body] of [
  ['payment flow', flow.path, flow.body],
  ['list of 100 payment flows', list.path, hundred],
] as const) {
  const text = JSON.stringify(body);
  const response = (b: unknown): ResponseUnderTest => ({ method: 'GET', path, status: 200, contentType: 'application/json', headers: {}, body: b });
  const parsed = JSON.parse(text) as Json;
  if (!validateResponse(response(parsed)).ok) throw new Error(`tools/bench/validator.ts: the recorded ${name} does not conform`);
  const baseline = opsPerSecond(() => JSON.parse(text));
  rows.push([`${name}: JSON.parse (baseline)`, text.length, baseline, baseline]);
  rows.push([`${name}: validate (parsed body)`, text.length, opsPerSecond(() => validateResponse(response(parsed))), baseline]);
  rows.push([`${name}: parse + validate (body as text)`, text.length, opsPerSecond(() => validateResponse(response(text))), baseline]);
}

console.log(
  `create (${contract.operations.length} operations, once; the schemas compiled, or loaded from the cache a former run wrote: validator-start.ts): ${compileMs.toFixed(0)} ms\n`,
);
console.log('| measurement | bytes | ops/s | µs/op | × JSON.parse time |\n|---|---:|---:|---:|---:|');
for (const [name, bytes, ops, baseline] of rows) {
  console.log(`| ${name} | ${bytes} | ${Math.round(ops).toLocaleString('en')} | ${(1e6 / ops).toFixed(1)} | ${(baseline / ops).toFixed(2)} |`);
}
