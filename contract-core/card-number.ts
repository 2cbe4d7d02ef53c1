// The one card-number rule: what the mock and the sandbox refuse with `400 card_number_not_allowed` and what
// the contract runner refuses to send. PAY.JP publishes that raw card numbers are refused, not how it spots
// them; this rule is ours (openapi/errors/catalog.yaml, card_number_not_allowed, says the same), chosen so
// that a card is refused and a merchant's own values (order IDs, UUIDs, timestamps, phone numbers) never are.
//
// - A card number of a brand PAY.JP takes (the contract's `card.brand`: Visa, Mastercard, JCB, American
//   Express, Diners Club, Discover): the brand's issuer prefix (IIN range) and one of its lengths, as the
//   card networks publish them (BRANDS below), and the Luhn check. A 13-digit Visa number is no longer issued,
//   and 13 digits is what `Date.now()` prints: not refused. Numbers of other schemes (UATP, Maestro, ...) are
//   not ones PAY.JP takes, and are not refused.
// - Written as one run of digits, or in the groups printed on cards (LAYOUTS: 4-4-4-4, American Express
//   4-6-5, Diners Club 4-6-4, 19 digits 4-4-4-4-3) separated by spaces or dashes (any Unicode space or dash,
//   several in a row too: `4242 - 4242`). Full-width digits (４２４２, common from Japanese input) count as
//   digits (NFKC).
// - Standing on its own: not part of a longer ASCII word or number. A letter, digit or underscore right
//   before or after it (`ref4242…`, a hex digest, a UUID's segment), or a decimal point between it and a digit
//   (`0.4242…`, a random fraction), makes it part of another token, which is not a card number. Japanese text
//   around it does not (`カード4242…です` is refused). Groups that follow it do not either:
//   `4242 4242 4242 4242 12 30` is the card and its expiry.
// - Anywhere in a request body: values and object keys, strings and numbers, at any depth, in text.
//   Numbers are read as written (JSON numbers above 2^53 lose digits once parsed), so the raw body text is
//   scanned as well as the decoded strings (`\u0034` escapes hide digits from the raw text only).
//
// Work is linear in the input: one pass, no recursion, at most the last five groups kept.

interface Brand {
  name: string;
  /** Issuer prefixes as inclusive ranges of the number's first digits (`[2221, 2720]`: its first four). */
  prefixes: readonly (readonly [number, number])[];
  lengths: readonly number[];
}

/** The brands PAY.JP takes, by the card networks' published IIN ranges and lengths. */
export const BRANDS: readonly Brand[] = [
  { name: 'Visa', prefixes: [[4, 4]], lengths: [16, 19] },
  {
    name: 'Mastercard',
    prefixes: [
      [51, 55],
      [2221, 2720],
    ],
    lengths: [16],
  },
  {
    name: 'American Express',
    prefixes: [
      [34, 34],
      [37, 37],
    ],
    lengths: [15],
  },
  { name: 'JCB', prefixes: [[3528, 3589]], lengths: [16, 17, 18, 19] },
  {
    name: 'Diners Club',
    prefixes: [
      [300, 305],
      [3095, 3095],
      [36, 36],
      [38, 39],
    ],
    lengths: [14, 15, 16, 17, 18, 19],
  },
  {
    name: 'Discover',
    prefixes: [
      [6011, 6011],
      [644, 649],
      [65, 65],
      [622126, 622925],
    ],
    lengths: [16, 17, 18, 19],
  },
];

/** The groups a card number of each length is printed in, besides one run of digits. */
export const LAYOUTS: readonly (readonly number[])[] = [
  [4, 4, 4, 4],
  [4, 6, 5],
  [4, 6, 4],
  [4, 4, 4, 4, 3],
];
const MAX_GROUPS = Math.max(...LAYOUTS.map((layout) => layout.length));

/** The shortest and the longest card number refused (the bounds of BRANDS' lengths). */
export const CARD_NUMBER_DIGITS = {
  min: Math.min(...BRANDS.flatMap((brand) => brand.lengths)),
  max: Math.max(...BRANDS.flatMap((brand) => brand.lengths)),
} as const;

/** The brand whose prefix and length `digits` has, if any. */
export function brandOf(digits: string): string | undefined {
  for (const brand of BRANDS) {
    if (!brand.lengths.includes(digits.length)) continue;
    const matches = brand.prefixes.some(([low, high]) => {
      const head = Number(digits.slice(0, String(low).length));
      return head >= low && head <= high;
    });
    if (matches) return brand.name;
  }
  return undefined;
}

/** The Luhn check: from the last digit, every second one doubled, the sum a multiple of 10. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, k = 0; i >= 0; i -= 1, k += 1) {
    const digit = digits.charCodeAt(i) - 0x30;
    sum += k % 2 === 0 ? digit : digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return sum % 10 === 0;
}

export const isCardNumber = (digits: string): boolean => brandOf(digits) !== undefined && passesLuhn(digits);

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included, is the point.
const ASCII = /^[\x00-\x7f]*$/;
const UNICODE_SEPARATOR = /^[\p{Zs}\p{Pd}]$/u;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const isSeparator = (code: number): boolean => code === 0x20 || code === 0x2d || (code > 0x7f && UNICODE_SEPARATOR.test(String.fromCharCode(code)));
/** ASCII letters, digits and `_`: the characters of identifiers and hex strings. */
const isWordChar = (code: number): boolean => isDigit(code) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;

/** Whether the character at `at`, beside a number (`step` -1 before it, +1 after it), leaves the number on its own. */
function standsApart(s: string, at: number, step: -1 | 1): boolean {
  if (at < 0 || at >= s.length) return true;
  const code = s.charCodeAt(at);
  if (isWordChar(code)) return false;
  // A decimal point with a digit beyond it: the number is a part of a decimal.
  return !(code === 0x2e && isDigit(s.charCodeAt(at + step)));
}

interface Group {
  start: number;
  end: number;
  /** Only separators lie between the previous group and this one. */
  joined: boolean;
}

/**
 * The digits of the first card number in `text`, or undefined. One pass: each time a group of digits ends,
 * the card numbers that could end with it are tried: the group alone, and the layouts ending with it.
 */
export function findCardNumber(text: string): string | undefined {
  const s = ASCII.test(text) ? text : text.normalize('NFKC');
  const groups: Group[] = [];
  let groupStart = -1;
  let joinsRun = false; // only separators since the last group
  for (let i = 0; i <= s.length; i += 1) {
    const code = i < s.length ? s.charCodeAt(i) : -1;
    if (isDigit(code)) {
      if (groupStart < 0) groupStart = i;
      continue;
    }
    if (groupStart >= 0) {
      groups.push({ start: groupStart, end: i, joined: joinsRun });
      if (groups.length > MAX_GROUPS) groups.shift();
      const found = cardEndingWithLastGroup(s, groups);
      if (found !== undefined) return found;
      groupStart = -1;
      joinsRun = true;
    }
    if (joinsRun && !isSeparator(code)) joinsRun = false;
  }
  return undefined;
}

function cardEndingWithLastGroup(s: string, groups: readonly Group[]): string | undefined {
  const last = groups.at(-1)!;
  if (!standsApart(s, last.end, 1)) return undefined;
  const alone = s.slice(last.start, last.end);
  if (standsApart(s, last.start - 1, -1) && isCardNumber(alone)) return alone;
  for (const layout of LAYOUTS) {
    if (layout.length > groups.length) continue;
    const window = groups.slice(groups.length - layout.length);
    if (!window.every((group, i) => group.end - group.start === layout[i] && (i === 0 || group.joined))) continue;
    if (!standsApart(s, window[0]!.start - 1, -1)) continue;
    const digits = window.map((group) => s.slice(group.start, group.end)).join('');
    if (isCardNumber(digits)) return digits;
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
