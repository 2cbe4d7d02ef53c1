#!/usr/bin/env node
// payjp-v2-contract: one CLI for the contract's users (cli/main.ts). This entry imports only what any Node
// loads, so that on a Node below the package's floor every command, --help included, prints one line saying
// what is needed instead of a stack trace from a module Node 20 lacks (node:sqlite).
import { nodeTooOld } from './node-floor.ts';

const PROGRAM = 'payjp-v2-contract';
const args = process.argv.slice(2);
const tooOld = nodeTooOld(process.versions.node, PROGRAM);
if (tooOld === undefined) {
  const { main } = await import('./cli/main.ts');
  process.exitCode = await main(PROGRAM, args);
} else if (args.some((arg) => arg === '--help' || arg === '-h') || args[0] === 'help') {
  // The help asked for is what this Node needs first.
  console.log(tooOld);
} else {
  console.error(tooOld);
  process.exitCode = 2;
}
