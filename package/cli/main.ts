// payjp-v2-contract: one CLI for the contract's users. `mock`, `sandbox`, `verify`, `docs`, `webhooks-check`,
// `trigger`, `clock`; `--help` on each. Loaded by ../cli.ts once the Node is new enough.
// Exit codes a pipeline can rely on: 0 passed, 1 contract violations, 2 a usage error or infrastructure.
import { readFileSync } from 'node:fs';
import { helpOf, parseCommand, UsageError, type Command } from './command.ts';
import { clock } from './clock.ts';
import { docs } from './docs.ts';
import { mock } from './mock.ts';
import { sandbox } from './sandbox.ts';
import { terminalOutput } from './output.ts';
import { trigger } from './trigger.ts';
import { verify } from './verify.ts';
import { webhooksCheck } from './webhooks-check.ts';

/** A new command (`diff`) is one more module in this list. */
const COMMANDS: readonly Command[] = [mock, sandbox, verify, docs, webhooksCheck, trigger, clock];
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function overview(program: string): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return [
    `Usage: ${program} <command> [flags]`,
    '',
    `The PAY.JP API v2 contract ${version}: its mock, its sandbox, its contract suite, its docs and webhook tools.`,
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    `  ${program} <command> --help   the command's flags, each with the environment variable it falls back to`,
    `  ${program} --version`,
    '',
    'Exit codes: 0 passed, 1 contract violations, 2 a usage error or infrastructure.',
  ].join('\n');
}

export async function main(program: string, args: string[]): Promise<number> {
  const output = terminalOutput(process.env);
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    output.out(overview(program));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    output.out(version);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  try {
    if (!command) throw new UsageError(`unknown command '${name}': ${COMMANDS.map((c) => c.name).join(', ')} (${program} --help)`);
    const { values, positionals, help } = parseCommand(command, rest, process.env);
    if (help) {
      output.out(helpOf(program, command));
      return 0;
    }
    return await command.run(values, positionals, output);
  } catch (error) {
    // The messages of the sandbox, the mock and the webhook tools start with their name, which the prefix already gives.
    const message = (error as Error).message.replace(/^(sandbox|mock|trigger|receiver check): /, '');
    output.err(`${program}${command ? ` ${command.name}` : ''}: ${command ? namingFlags(command, rest, message) : message}`);
    return 2;
  }
}

/** A message about a variable names the flag instead when the value came from the command line. */
function namingFlags(command: Command, args: readonly string[], message: string): string {
  let named = message;
  for (const [name, flag] of Object.entries(command.flags)) {
    if (flag.env && args.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`))) named = named.replaceAll(flag.env, `--${name}`);
  }
  return named;
}
