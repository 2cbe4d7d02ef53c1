// For key-guard.test.ts: loads an entry point once per key of KEY_GUARD_KEYS (a JSON list) in one process, as
// `node <entry point>` runs it with PAYJP_SECRET_KEY set to that key (each load a fresh copy of the module, by
// its URL). Each refusal is printed as a JSON line; the last key's load is left uncaught, so that the process
// ends as a user's run of the entry point does, with its exit code and its message.
import { pathToFileURL } from 'node:url';

const [entryPoint] = process.argv.slice(2);
const keys = JSON.parse(process.env['KEY_GUARD_KEYS'] ?? '[]') as string[];
if (!entryPoint || keys.length === 0) throw new Error('usage: KEY_GUARD_KEYS=<JSON list> node contract-tests/key-guard-harness.ts <entry point>');

for (const [index, key] of keys.entries()) {
  process.env['PAYJP_SECRET_KEY'] = key;
  const load = import(`${pathToFileURL(entryPoint).href}?key=${index}`);
  if (index === keys.length - 1) await load;
  else
    console.log(
      JSON.stringify(
        await load.then(
          () => ({ index, loaded: true }),
          (error: Error) => ({ index, refused: error.message }),
        ),
      ),
    );
}
