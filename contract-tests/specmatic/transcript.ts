// Specmatic's console transcript read as exchanges: each test prints its request, the answer and the
// scenario's verdict ("… has FAILED" with the reason, or nothing more when it passed). The JUnit report
// Specmatic writes has the verdicts but not the requests, which classifying a failure needs.

export interface Exchange {
  /** `+ve` or `-ve` (a negative test expects a 4xx). */
  polarity: '+ve' | '-ve';
  scenario: string;
  method: string;
  /** Path and query as sent. */
  target: string;
  requestBody: unknown;
  status: number;
  contentType: string;
  responseBody: unknown;
  failed: boolean;
  reason: string;
}

const SEPARATOR = /^-{20}$/m;

/** The JSON after the first blank line of an indented block, or the raw text when it is not JSON. */
function bodyOf(lines: string[]): unknown {
  const blank = lines.findIndex((line) => line.trim() === '');
  if (blank < 0) return undefined;
  const text = lines
    .slice(blank + 1)
    .join('\n')
    .trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function readTranscript(text: string): Exchange[] {
  const exchanges: Exchange[] = [];
  for (const block of text.split(SEPARATOR)) {
    const request =
      /\n\s*Request to \S+ at [^\n]*\n\s*(GET|POST|PUT|PATCH|DELETE) (\S+)\n([\s\S]*?)\n\s*Response at [^\n]*\n\s*(\d{3})[^\n]*\n([\s\S]*?)\n(?:[+-]ve )?\s*Scenario: /.exec(
        block,
      );
    // Generative runs mark each scenario `+ve` or `-ve`; other runs print the scenario alone (a `-> 4xx` one is negative).
    const verdict = /\n(?:([+-]ve)\s+)?Scenario: ([^\n]*?)( has FAILED)?\n([\s\S]*)$/.exec(block);
    if (!request || !verdict) continue;
    const [, method, target, requestText, status, responseText] = request as unknown as [string, string, string, string, string, string];
    const responseLines = responseText.split('\n').map((line) => line.replace(/^ {4}/, ''));
    exchanges.push({
      polarity: (verdict[1] ?? (/ -> 4xx\b/.test(verdict[2]!) ? '-ve' : '+ve')) as '+ve' | '-ve',
      scenario: verdict[2]!,
      method,
      target,
      requestBody: bodyOf(requestText.split('\n').map((line) => line.replace(/^ {4}/, ''))),
      status: Number(status),
      contentType: /^\s*content-type: (.*)$/im.exec(responseText)?.[1]?.trim() ?? '',
      responseBody: bodyOf(responseLines),
      failed: verdict[3] !== undefined,
      reason: verdict[3] ? verdict[4]!.trim() : '',
    });
  }
  return exchanges;
}
