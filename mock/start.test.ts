// npm run mock's variables: a bad one is one line naming it and exit 2, not a stack trace.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));

test.each(['abc', '70000', '-1', ' 80'])('PORT=%j is refused at start, naming PORT', (port) => {
  const run = spawnSync(process.execPath, [SERVER], { env: { ...process.env, PORT: port }, encoding: 'utf8', timeout: 30_000 });
  expect([run.status, run.stderr.trim().split('\n')]).toEqual([2, [`PORT must be a port number from 0 to 65535 (got ${JSON.stringify(port)})`]]);
});
