// A strict XML 1.0 reading of a report (saxes: well-formedness, and every character one XML allows), for the
// tests of the JUnit files: a CI's JUnit reader refuses what this refuses.
import { SaxesParser } from 'saxes';

/** The first well-formedness error of `xml` (line:column: message), or undefined when it is well-formed XML 1.0. */
export function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: false });
  let first: string | undefined;
  parser.on('error', (error) => {
    first ??= error.message;
  });
  parser.write(xml).close();
  return first;
}

/** The elements of `xml` with their attributes and text, in document order (for assertions on what a reader sees). */
export function xmlElements(xml: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const parser = new SaxesParser({ xmlns: false });
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: { text: string }[] = [];
  parser.on('opentag', (tag) => {
    const element = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, text: '' };
    elements.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    const current = open.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => void open.pop());
  parser.write(xml).close();
  return elements;
}
