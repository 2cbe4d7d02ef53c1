// What a command of the CLI is: its flags (each with the environment variable it falls back to), its help,
// and what it does. Parsing is node:util's parseArgs; a flag given wins over its variable.
import { parseArgs } from 'node:util';

/** A mistake in the command line or the environment: the CLI prints it and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Flag {
  type: 'string' | 'boolean';
  description: string;
  /** Read when the flag is not given (a boolean: 1/true or 0/false; a repeatable flag: comma-separated). */
  env?: string;
  multiple?: boolean;
  /** How the value is shown in the help (`<url>`). */
  value?: string;
  /** The default, as the help shows it. */
  default?: string;
}

export type Values = Record<string, string | boolean | string[] | undefined>;

export interface Output {
  /** Results and the lines a pipeline reads (stdout). */
  out(text: string): void;
  /** Progress and diagnostics (stderr). */
  err(text: string): void;
  /** Colours only on a terminal, never with NO_COLOR (https://no-color.org) or TERM=dumb. */
  colour: boolean;
  /** Whether stderr is a terminal (progress rewrites one line) or a log (progress prints a line now and then). */
  interactive: boolean;
}

export interface Command {
  name: string;
  summary: string;
  /** Words after the command (`build | serve`), for the usage line. */
  positionals?: string;
  description: string;
  flags: Record<string, Flag>;
  examples: string[];
  /** The exit code: 0 passed, 1 contract violations, 2 usage or infrastructure. */
  run(values: Values, positionals: string[], output: Output): Promise<number>;
}

const BOOLEAN_WORDS: Record<string, boolean> = { '1': true, true: true, '0': false, false: false };

/** The flags given, completed from the environment; `--help` asks for the help. */
export function parseCommand(command: Command, args: string[], env: NodeJS.ProcessEnv): { values: Values; positionals: string[]; help: boolean } {
  const parse = () =>
    parseArgs({
      args,
      options: {
        ...Object.fromEntries(Object.entries(command.flags).map(([name, flag]) => [name, { type: flag.type, multiple: flag.multiple ?? false }])),
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: command.positionals !== undefined,
      strict: true,
    });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional.*$/s, '')}`);
  }
  const values: Values = { ...parsed.values };
  for (const [name, flag] of Object.entries(command.flags)) {
    const raw = flag.env === undefined ? undefined : env[flag.env];
    if (values[name] !== undefined || raw === undefined || raw === '') continue;
    if (flag.type === 'boolean') {
      const value = BOOLEAN_WORDS[raw.toLowerCase()];
      if (value === undefined) throw new UsageError(`${flag.env} must be 1, 0, true or false (got '${raw}')`);
      values[name] = value;
    } else
      values[name] = flag.multiple
        ? raw
            .split(',')
            .map((part) => part.trim())
            .filter((part) => part !== '')
        : raw;
  }
  return { values, positionals: parsed.positionals, help: parsed.values.help === true };
}

/** A string flag's value (a repeated one's last). */
export function stringOf(values: Values, name: string): string | undefined {
  const value = values[name];
  return Array.isArray(value) ? value.at(-1) : typeof value === 'string' ? value : undefined;
}

/** The `port` flag, or a usage error naming its variable (the CLI names the flag when it was given). */
export function portOf(values: Values, fallback: number): number {
  const raw = stringOf(values, 'port');
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value > 65535) throw new UsageError(`PORT must be a port number from 0 to 65535 (got '${raw}')`);
  return value;
}

export function helpOf(program: string, command: Command): string {
  const rows = [
    ...Object.entries(command.flags).map(([name, flag]) => {
      const left = `--${name}${flag.type === 'string' ? ` ${flag.value ?? '<value>'}` : ''}`;
      const notes = [flag.multiple ? 'repeatable' : '', flag.default ? `default ${flag.default}` : '', flag.env ? `env ${flag.env}` : ''].filter(Boolean);
      return [left, `${flag.description}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`] as const;
    }),
    ['-h, --help', 'this help'] as const,
  ];
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `Usage: ${program} ${command.name}${command.positionals ? ` ${command.positionals}` : ''} [flags]`,
    '',
    command.description,
    '',
    'Flags:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
    '',
    'Examples:',
    ...command.examples.map((example) => `  ${example}`),
  ].join('\n');
}
