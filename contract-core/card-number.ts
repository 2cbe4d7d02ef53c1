// The one card-number rule: what the mock and the sandbox refuse with `400 card_number_not_allowed` and what
// the contract runner refuses to send. PAY.JP publishes that raw card numbers are refused, not how it spots
// them; this rule is ours, chosen as follows.
//
// - A card number is 13 to 19 digits that pass the Luhn check. ISO/IEC 7812-1 allows 8 to 19 digits, but the
//   brands the contract lists for `card.brand` (Visa, MasterCard, JCB, American Express, Diners Club,
//   Discover) issue 13 (early Visa) to 19. 12-digit numbers are Maestro only, which PAY.JP does not take, and
//   a Japanese mobile number in international form (+81 90 1234 5678) has 12 digits: a 12-digit rule would
//   refuse one such phone number in ten (the Luhn check passes one number in ten by chance). Shorter runs
//   (amounts, postal codes, phone numbers) would be refused even more often.
// - Digits may be written in groups separated by spaces or dashes (any Unicode space or dash, several in a
//   row too: `4242 - 4242`), as people type card numbers; full-width digits (４２４２, common from Japanese
//   input) count as digits (NFKC). A letter, a dot, a comma or a line break ends a run: `4242.4242…` is a
//   decimal, not a card. Digits right after a letter still count (`ref4242…`).
// - Any whole groups of a run may be the card: `no. 1 4242 4242 4242 4242 12 30` holds 4242… (the card,
//   followed by its expiry). A single group of more than 19 digits is never one: a card number is not part of
//   a longer number.
// - Anywhere in a request body: values and object keys, strings and numbers, at any depth, in text.
//   Numbers are read as written (JSON numbers above 2^53 lose digits once parsed), so the raw body text is
//   scanned as well as the decoded strings (`\u0034` escapes hide digits from the raw text only).
//
// Work is linear in the input: one pass, no recursion, at most 19 digits read back per group.

export const CARD_NUMBER_DIGITS = { min: 13, max: 19 } as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included, is the point.
const ASCII = /^[\x00-\x7f]*$/;
const UNICODE_SEPARATOR = /^[\p{Zs}\p{Pd}]$/u;
const isSeparator = (code: number): boolean => code === 0x20 || code === 0x2d || (code > 0x7f && UNICODE_SEPARATOR.test(String.fromCharCode(code)));

/**
 * The digits of the first card number in `text`, or undefined. One pass: each time a group of digits ends,
 * the sequences of whole groups ending with it are tried, shortest first (at most 19 digits are read back).
 */
export function findCardNumber(text: string): string | undefined {
  const s = ASCII.test(text) ? text : text.normalize('NFKC');
  // The groups of the current run as [start, end) offsets, the newest last: only the last 19 can matter.
  const starts: number[] = [];
  const ends: number[] = [];
  let groupStart = -1;
  let joinsRun = false; // only separators since the last group
  for (let i = 0; i <= s.length; i += 1) {
    const code = i < s.length ? s.charCodeAt(i) : -1;
    if (code >= 0x30 && code <= 0x39) {
      if (groupStart < 0) {
        groupStart = i;
        if (!joinsRun) starts.length = ends.length = 0;
      }
      continue;
    }
    if (groupStart >= 0) {
      starts.push(groupStart);
      ends.push(i);
      if (starts.length > CARD_NUMBER_DIGITS.max) starts.shift(), ends.shift();
      const found = cardEndingWithLastGroup(s, starts, ends);
      if (found !== undefined) return found;
      groupStart = -1;
      joinsRun = true;
    }
    if (joinsRun && !isSeparator(code)) joinsRun = false;
  }
  return undefined;
}

/** The shortest sequence of whole groups ending with the last one that has 13-19 digits and passes Luhn. */
function cardEndingWithLastGroup(s: string, starts: readonly number[], ends: readonly number[]): string | undefined {
  let length = 0;
  let sum = 0;
  for (let g = starts.length - 1; g >= 0; g -= 1) {
    if (length + ends[g]! - starts[g]! > CARD_NUMBER_DIGITS.max) return undefined;
    // Luhn, from the last digit: every second one doubled.
    for (let i = ends[g]! - 1; i >= starts[g]!; i -= 1) {
      const digit = s.charCodeAt(i) - 0x30;
      sum += length % 2 === 0 ? digit : digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      length += 1;
    }
    if (length >= CARD_NUMBER_DIGITS.min && sum % 10 === 0) {
      let digits = '';
      for (let k = g; k < starts.length; k += 1) digits += s.slice(starts[k], ends[k]);
      return digits;
    }
  }
  return undefined;
}

/** A card number as a message may show it: the last four digits only. */
export const maskCard = (digits: string): string => `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;

export interface CardFinding {
  /** The digits found; show them with maskCard only. */
  digits: string;
  /** The dot path of the field holding it, when a decoded string or key within the body holds it (a key: masked). */
  field: string | undefined;
}

/**
 * A card number in a request body: in the decoded strings and keys of `parsed` (the body as JSON.parse read
 * it, when it is JSON), which names the field, then in the raw text (numbers as written, duplicate keys).
 * The walk keeps its own stack, so any depth is safe.
 */
export function findCardNumberInBody(text: string, parsed?: unknown): CardFinding | undefined {
  if (parsed !== undefined) {
    const inValue = findCardNumberInValue(parsed);
    if (inValue) return inValue;
  }
  const digits = findCardNumber(text);
  return digits === undefined ? undefined : { digits, field: undefined };
}

function findCardNumberInValue(root: unknown): CardFinding | undefined {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      const digits = findCardNumber(value);
      if (digits !== undefined) return { digits, field: path === '' ? undefined : path };
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      // Pushed last to first, so that fields come off the stack in document order.
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i]!;
        const childPath = path === '' ? key : `${path}.${key}`;
        if (!Array.isArray(value)) {
          const digits = findCardNumber(key);
          // The key is the card number: named masked, since the path reaches messages.
          if (digits !== undefined) return { digits, field: path === '' ? maskCard(digits) : `${path}.${maskCard(digits)}` };
        }
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return undefined;
}
