#!/usr/bin/env node
// payjp-v2-contract: one CLI for the contract's users (cli/main.ts). This entry imports only what any Node
// loads, so that on a Node below the package's floor every command, --help included, prints one line saying
// what is needed instead of a stack trace from a module Node 20 lacks (node:sqlite).
import nodeModule from 'node:module';
import { nodeTooOld } from './node-floor.ts';

const PROGRAM = 'payjp-v2-contract';
const args = process.argv.slice(2);
const tooOld = nodeTooOld(process.versions.node, PROGRAM);
if (tooOld === undefined) {
  // Node's compile cache (NODE_COMPILE_CACHE's directory, or the system's temporary one) keeps each module
  // compiled, TypeScript stripped, between starts: half a start's CPU. A namespace read, not a named import,
  // so that the Node 20 this entry also runs on links it.
  nodeModule.enableCompileCache();
  const { main } = await import('./cli/main.ts');
  process.exitCode = await main(PROGRAM, args);
} else if (args.some((arg) => arg === '--help' || arg === '-h') || args[0] === 'help') {
  // The help asked for is what this Node needs first.
  console.log(tooOld);
} else {
  console.error(tooOld);
  process.exitCode = 2;
}
