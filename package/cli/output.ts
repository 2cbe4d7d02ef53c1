// The CLI's output: stdout for results, stderr for progress; colour only on a terminal.
import type { Output } from './command.ts';

export function terminalOutput(env: NodeJS.ProcessEnv): Output {
  const plain = 'NO_COLOR' in env || env['TERM'] === 'dumb';
  return {
    out: (text) => void process.stdout.write(`${text}\n`),
    err: (text) => void process.stderr.write(`${text}\n`),
    colour: process.stdout.isTTY === true && !plain,
    interactive: process.stderr.isTTY === true,
  };
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;

/** `text` in a colour when the output takes colours, else as it is. */
export const paint = (output: Output, colour: keyof typeof CODES, text: string): string => (output.colour ? `\x1b[${CODES[colour]}m${text}\x1b[0m` : text);

/**
 * Progress of a long run on stderr: on a terminal one line rewritten in place; in a CI log a line each time
 * another tenth of the work is done, so that a log shows the run is alive without a line per step.
 */
export function progress(output: Output, label: string): { update(done: number, total: number, detail: string): void; end(): void } {
  let shownTenth = -1;
  return {
    update(done, total, detail) {
      const line = `${label} ${done}/${total} ${detail}`;
      if (output.interactive) process.stderr.write(`\r\x1b[2K${line.slice(0, (process.stderr.columns ?? 100) - 1)}`);
      else {
        const tenth = Math.floor((done / total) * 10);
        if (tenth > shownTenth) output.err(line);
        shownTenth = tenth;
      }
    },
    end() {
      if (output.interactive) process.stderr.write('\r\x1b[2K');
    },
  };
}
