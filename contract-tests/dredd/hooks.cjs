// Dredd hooks (Dredd loads them with require, hence CommonJS). Settings come from contract-tests/dredd/run.ts
// through the environment: the key, the write methods, whether the target is the mock (then a non-2xx
// transaction asks for its documented answer with `Prefer: code=<status>`; elsewhere it is skipped, as no
// example request provokes it).
const hooks = require('hooks');
const { randomUUID } = require('node:crypto');

// The key passes the same allow-list as everywhere (keys.ts), here too, for a Dredd started without run.ts.
// A hook file that throws is ignored by Dredd, which then sends every transaction: so a refusal does not
// throw, it fails each transaction before its request is sent.
let key;
let refusal;
try {
  const { TestKey } = require('../lib/keys.ts');
  key = new TestKey(process.env.CONTRACT_DREDD_KEY ?? '', 'CONTRACT_DREDD_KEY');
} catch (error) {
  refusal = `nothing sent: ${error.message}`;
}
const preferStatus = process.env.CONTRACT_DREDD_PREFER === '1';
// The methods that take an Idempotency-Key (contract-core/conventions.ts WRITE_METHODS, passed by run.ts).
const writeMethods = (process.env.CONTRACT_DREDD_WRITE_METHODS ?? '').split(',');
// The operations to send, as [METHOD, path pattern] pairs (a corpus batch: only the operations its mutants
// touch); unset, every transaction is sent.
const only = process.env.CONTRACT_DREDD_ONLY ? JSON.parse(process.env.CONTRACT_DREDD_ONLY).map(([m, p]) => [m, new RegExp(p)]) : undefined;

hooks.beforeEach((transaction, done) => {
  if (refusal) {
    transaction.fail = refusal;
    return done();
  }
  const { method, uri } = transaction.request;
  if (only && !only.some(([m, pattern]) => m === method && pattern.test(uri))) {
    transaction.skip = true;
    return done();
  }
  const headers = transaction.request.headers;
  headers['Authorization'] = `Bearer ${key.reveal()}`;
  const status = String(transaction.expected.statusCode);
  if (!status.startsWith('2')) {
    if (preferStatus) headers['Prefer'] = `code=${status}`;
    else transaction.skip = true;
  }
  if (writeMethods.includes(transaction.request.method.toLowerCase())) headers['Idempotency-Key'] = `dredd-${randomUUID()}`;
  done();
});

// Sent: Dredd's reporters print the request with the transaction, so the key leaves it before they see it.
hooks.beforeEachValidation((transaction, done) => {
  if (transaction.request.headers['Authorization']) transaction.request.headers['Authorization'] = 'Bearer sk_test_[REDACTED]';
  done();
});
