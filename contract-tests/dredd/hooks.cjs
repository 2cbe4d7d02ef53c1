// Dredd hooks (Dredd loads them with require, hence CommonJS). Settings come from contract-tests/dredd/run.ts
// through the environment: the key, the write methods, whether the target is the mock (then a non-2xx
// transaction asks for its documented answer with `Prefer: code=<status>`; elsewhere it is skipped, as no
// example request provokes it).
const hooks = require('hooks');
const { randomUUID } = require('node:crypto');

const key = process.env.CONTRACT_DREDD_KEY;
const preferStatus = process.env.CONTRACT_DREDD_PREFER === '1';
// The methods that take an Idempotency-Key (scripts/lib/expand-errors.ts WRITE_METHODS, passed by run.ts).
const writeMethods = (process.env.CONTRACT_DREDD_WRITE_METHODS ?? '').split(',');

hooks.beforeEach((transaction, done) => {
  const headers = transaction.request.headers;
  headers['Authorization'] = `Bearer ${key}`;
  const status = String(transaction.expected.statusCode);
  if (!status.startsWith('2')) {
    if (preferStatus) headers['Prefer'] = `code=${status}`;
    else transaction.skip = true;
  }
  if (writeMethods.includes(transaction.request.method.toLowerCase())) headers['Idempotency-Key'] = `dredd-${randomUUID()}`;
  done();
});
