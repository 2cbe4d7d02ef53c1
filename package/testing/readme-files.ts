// What the package's README gives a user to copy: the files of "Your first hour" (each a ```ts block whose
// first line names it, `// checkout.ts: …`), and the shell lines that run the CLI. The consumer test writes
// and runs them as written.

/** The files of the README's "Your first hour" section, by name. */
export function firstHourFiles(readme: string): Map<string, string> {
  const start = readme.indexOf('## Your first hour');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const files = new Map<string, string>();
  for (const [, text] of section.matchAll(/```ts\n([\s\S]*?)```/g)) {
    const name = /^\/\/ ([\w.-]+\.ts)\b/.exec(text!)?.[1];
    if (!name) throw new Error(`package/README.md: a block of "Your first hour" does not start with // <file name>: ${text!.slice(0, 60)}`);
    files.set(name, text!);
  }
  return files;
}

/**
 * Every command line of the README's ```sh blocks, and every `run:` of its ```yaml workflows, that runs the CLI
 * (`npx payjp-v2-contract …`): comments, `- run:` and a trailing `&` dropped.
 */
export function cliLines(readme: string): string[] {
  return [...readme.matchAll(/```(?:sh|yaml)\n([\s\S]*?)```/g)]
    .flatMap(([, block]) => block!.split('\n'))
    .map((line) =>
      line
        .replace(/\s+#.*$/, '')
        .replace(/^\s*-?\s*run:\s*/, '')
        .replace(/\s*&$/, '')
        .trim(),
    )
    .filter((line) => /^(?:\w+=\S+ )*npx payjp-v2-contract /.test(line));
}

/** The relative links of a Markdown text (`[text](target)`), without their `#fragment`; URLs and in-page anchors left out. */
export function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map(([, target]) => target!)
    .filter((target) => !/^[a-z][a-z+.-]*:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.replace(/#.*$/, ''));
}
