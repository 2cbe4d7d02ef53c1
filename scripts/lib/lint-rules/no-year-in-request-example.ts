// contract/no-year-in-request-example.
import { requestExampleRule } from './request-examples.ts';

/** A field that holds a year: `exp_year`, `year`, `birth_year`… */
const YEAR_FIELD = /(^|_)year$/;
/** The last year a four-digit year field takes (PAY.JP's clients state `exp_year` 0 to 9999): it never passes. */
const LAST_YEAR = 9999;

/**
 * Request bodies' examples hold no literal year but the last: a tool that sends the example sends a card
 * that expires when that year passes (`exp_year: 2030` did, in the card example of createPaymentMethod), and
 * a sandbox, as the API, refuses an expired card.
 */
export default requestExampleRule(
  (value, key) => (key !== undefined && YEAR_FIELD.test(key) && typeof value === 'number' && value !== LAST_YEAR ? String(value) : undefined),
  (year, where) =>
    `a request example holds the literal year ${year} at ${where}: it passes, and then the example is refused; write ${LAST_YEAR}, the last year the field takes, or leave the field out`,
);
