// The one JUnit XML writer of the project (the contract runner's report and the diff gate's), on xmlbuilder2:
// it escapes what XML reserves, and the characters XML 1.0 cannot carry at all (NUL, ESC, U+FFFE, a lone
// surrogate: a server can send any of them) are written as `\u{…}` text, so the file stays well-formed and
// shows what came. Measured: xmlbuilder2 writes them raw unless told how to replace them (saxes then refuses
// the file), and writes a file saxes parses with `invalidCharReplacement`.
import { create } from 'xmlbuilder2';
import { escapedChar } from './printable.ts';

/** A test case: passed (no outcome), failed, in error, or skipped; `output` goes to its system-out. */
export interface JUnitCase {
  classname: string;
  name: string;
  outcome?: { kind: 'failure' | 'error'; type: string; message: string; text?: string } | { kind: 'skipped'; message: string };
  output?: string;
}

export interface JUnitSuite {
  name: string;
  cases: readonly JUnitCase[];
}

const counts = (cases: readonly JUnitCase[]) => ({
  tests: String(cases.length),
  failures: String(cases.filter((c) => c.outcome?.kind === 'failure').length),
  errors: String(cases.filter((c) => c.outcome?.kind === 'error').length),
  skipped: String(cases.filter((c) => c.outcome?.kind === 'skipped').length),
});

/** The JUnit XML of `suites` under one `<testsuites name>`, with the counts of each suite and of all. */
export function junitXml(name: string, suites: readonly JUnitSuite[]): string {
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: escapedChar }).ele('testsuites', {
    name,
    ...counts(suites.flatMap((suite) => suite.cases)),
  });
  for (const suite of suites) {
    const element = root.ele('testsuite', { name: suite.name, ...counts(suite.cases) });
    for (const test of suite.cases) {
      const testcase = element.ele('testcase', { classname: test.classname, name: test.name });
      const { outcome } = test;
      if (outcome?.kind === 'skipped') testcase.ele('skipped', { message: outcome.message });
      else if (outcome) {
        const child = testcase.ele(outcome.kind, { type: outcome.type, message: outcome.message });
        if (outcome.text) child.txt(outcome.text);
      }
      if (test.output) testcase.ele('system-out').txt(test.output);
    }
  }
  return `${root.end({ prettyPrint: true })}\n`;
}
