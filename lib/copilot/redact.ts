/**
 * PII taken out of a thread before a provider outside the browser sees it. Each kind is
 * replaced by a typed placeholder so the model still knows something was there.
 */

const DOMAIN = String.raw`(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}`;
/** `%40` is an `@` inside a URL's query string. */
const EMAIL = new RegExp(String.raw`[a-z0-9._%+-]+(?:@|%40)${DOMAIN}\b`, 'gi');
const AT = String.raw`\s*(?:\[at\]|\(at\)|\{at\}|\sat\s)\s*`;
const DOT = String.raw`\s*(?:\[dot\]|\(dot\)|\{dot\}|\sdot\s)\s*`;
/** "ana at example dot com" and bracketed variants: at least one "dot" required. */
const SPELLED_EMAIL = new RegExp(
  String.raw`\b[a-z0-9._+-]+${AT}[a-z0-9-]+(?:${DOT}[a-z0-9-]+)*${DOT}[a-z]{2,6}\b`,
  'gi',
);

const STREET_SUFFIX =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent)';
const US_STATE =
  '(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)';
const US_ZIP = String.raw`${US_STATE}\s+\d{5}(?:-\d{4})?\b`;
const UK_POSTCODE = String.raw`[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b`;
const CITY = '[A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+)*';
const EU_POSTCODE_CITY = String.raw`\d{5}\s+${CITY}`;

/** Title-case street names only: "3 big boxes on the way" is not an address. */
const ENGLISH_STREET = String.raw`\b\d{1,5}[A-Z]?(?:-\d{1,5})?\s+(?:[A-Z][A-Za-z'.-]*\s+){1,4}${STREET_SUFFIX}\b(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b)?(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor)\.?\s*#?\s*[\w-]+)?(?:(?:,?\s+${CITY})?,?\s+(?:${US_ZIP}|${UK_POSTCODE}))?`;
const GERMAN_STREET = String.raw`\b[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|gasse|allee|platz|ring)\s+\d{1,4}[a-z]?\b(?:,?\s+${EU_POSTCODE_CITY})?`;
const FRENCH_STREET = String.raw`\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|place|allée|chemin|quai|impasse)\s+(?:(?:de|du|des|la|le)\s+|[ld]')*${CITY}(?:,?\s+${EU_POSTCODE_CITY})?`;
const CITY_STATE_ZIP = String.raw`(?:\b${CITY},\s*)?\b${US_ZIP}`;
/** A UK postcode on its own must have its space: without it, product codes look like one. */
const LONE_UK_POSTCODE = String.raw`\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b`;
const ADDRESS = new RegExp(
  [ENGLISH_STREET, GERMAN_STREET, FRENCH_STREET, CITY_STATE_ZIP, LONE_UK_POSTCODE].join('|'),
  'gu',
);

/**
 * Numbers that look like phones but are not: tried first at each position, and kept as
 * written. Labelled references, ISO and numeric dates (with times and offsets), times,
 * IP addresses and prices.
 */
const KEEP = [
  String.raw`\b(?:order|invoice|inv|ticket|case|ref|reference|tracking|po)\b[\s#:.-]*(?:no\.?|nr\.?|number|id)?[\s#:.-]*[a-z0-9][a-z0-9-]*`,
  String.raw`\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?`,
  String.raw`\d{1,2}(?<dateSep>[./-])\d{1,2}\k<dateSep>\d{2,4}(?![./-]?\d)`,
  String.raw`\d{1,2}:\d{2}(?::\d{2})?`,
  String.raw`\d{1,3}(?:\.\d{1,3}){3}(?![.\d])`,
  String.raw`[$€£¥]\s?\d[\d.,]*(?:\s\d{3})*`,
  String.raw`\d[\d.,]*(?:\s\d{3})*\s?(?:usd|eur|gbp|chf|€|£|\$)`,
];
/** What runs into a number from the left makes it part of something else (an id, a URL). */
const NOT_AFTER = String.raw`(?<![\w#$€£¥/=&?.,@%+-])`;
/** 4-4-4-x (Visa, Mastercard…) or 4-6-5 (Amex) groups, or 13–19 digits in one run. */
const CARD = String.raw`${NOT_AFTER}[1-9]\d{3}(?:(?<sep>[ -]?)\d{4}\k<sep>\d{4}\k<sep>\d{1,7}|(?<amexSep>[ -]?)\d{6}\k<amexSep>\d{5})(?![\d-])`;
/** Digit groups joined by one space, dot or dash, with a leading + and (area) allowed. */
const GROUP = String.raw`(?:\(\d+\)|\d+)`;
const NUMBER_RUN = String.raw`${NOT_AFTER}\+?${GROUP}(?:(?:[ .-]|(?<=\))|(?=\())${GROUP})*`;
const NUMBERS = new RegExp(
  `(?<keep>${KEEP.join('|')})|(?<card>${CARD})|(?<run>${NUMBER_RUN})`,
  'gi',
);

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * A phone needs a sign it is dialled, not counted: a leading +, an international 00, an
 * (area code), a national trunk 0, or the North American 3-3-4 grouping. A bare run of
 * digits (an order or customer number) is left alone.
 */
function isPhone(run: string): boolean {
  const digits = run.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (run.startsWith('+')) return digits.length >= 8;
  if (/^00[1-9]/.test(digits)) return digits.length >= 9;
  if (/^\(\d{2,5}\)/.test(run)) return true;
  if (/^0[1-9]/.test(digits) && /[ .()-]/.test(run)) return digits.length >= 9;
  if (/^0[1-9]\d{8,10}$/.test(run)) return true;
  return /^\d{3}([ .-])\d{3}\1\d{4}$/.test(run);
}

function redactNumbers(text: string): string {
  return text.replace(NUMBERS, (match: string, ...args: unknown[]) => {
    const groups = args.at(-1) as Record<'keep' | 'card', string | undefined>;
    if (groups.keep) return match;
    if (groups.card && luhnValid(match.replace(/\D/g, ''))) return '[card]';
    return isPhone(match) ? '[phone]' : match;
  });
}

/** Emails (also inside URLs and spelled out), street addresses, cards (Luhn-valid), phones. */
export function redactPii(text: string): string {
  const withoutEmails = text.replace(EMAIL, '[email]').replace(SPELLED_EMAIL, '[email]');
  return redactNumbers(withoutEmails.replace(ADDRESS, '[address]'));
}
