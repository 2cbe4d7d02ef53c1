// A server's text made safe to print or to put in a report: bounded in length, and without the characters
// that act on a terminal or that XML 1.0 cannot carry. They are written as `\u{…}` escapes, so nothing is lost
// from view: C0 and C1 controls (ESC starts terminal sequences; NUL ends strings), lone surrogates and the
// noncharacters U+FFFE and U+FFFF. Newlines and tabs stay unless `oneLine` (then spaces).

/** The most characters of a server's text a message, a report cell or a console line shows. */
export const EXCERPT_CHARS = 500;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what this matches
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_OR_LINE_BREAK = new RegExp(`${UNSAFE.source}|[\\n\\t]`, 'g');

/** A character as the `\u{…}` escape shown in its place. */
export const escapedChar = (c: string): string => `\\u{${c.codePointAt(0)!.toString(16)}}`;

/** `text` cut to `max` characters (saying how long it was) with unsafe characters escaped. */
export function printable(text: string, options: { max?: number; oneLine?: boolean } = {}): string {
  const max = options.max ?? EXCERPT_CHARS;
  const cut = text.length > max ? `${text.slice(0, max)}… (${text.length} characters in all)` : text;
  return cut.replace(options.oneLine ? UNSAFE_OR_LINE_BREAK : UNSAFE, (c) => (c === '\n' || c === '\t' ? ' ' : escapedChar(c)));
}
