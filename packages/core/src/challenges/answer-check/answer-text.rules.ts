/**
 * Text normalisers shared by every challenge answer checker (spec/api-rest-challenges-admin.md §4.2).
 * Pure and total: any string in (NUL, lone surrogates, huge or odd Unicode), a string out, no throw.
 */
import { parseDecimal } from '../../lib/rational.ts';

/** Zero-width characters a phone keyboard or a copy-paste can slip into an answer. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060\ufeff]/g;
const SPACES = /\s+/g;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /[’‘`´ʼʹ′]/g;
const DOUBLE_QUOTES = /[“”„«»″]/g;

/**
 * Case, accents and ligatures folded (`Œuf Élevé` → `oeuf eleve`), compatibility forms unified (full-width
 * digits, `ﬁ`), typographic apostrophes and quotes straightened, invisible characters dropped, spaces
 * collapsed and trimmed. Idempotent (checked over every code point, and by the property tests): the
 * lower case is decomposed again because some lower-case letters decompose (`İ` → `i̇`).
 */
export const foldText = (raw: string): string =>
  raw
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .trim();

/** Sentence punctuation a child may end an answer with (`10.`, `Un trou !`). */
const TRAILING_PUNCTUATION = new Set(['.', '!', '?', '…', ';']);

/** Trims, then drops trailing sentence punctuation and spaces (linear time, no regex backtracking). */
export const trimAnswer = (raw: string): string => {
  const text = raw.trim();
  let end = text.length;
  while (end > 0) {
    const ch = text.charAt(end - 1);
    if (!TRAILING_PUNCTUATION.has(ch) && ch.trim() !== '') break;
    end -= 1;
  }
  return text.slice(0, end);
};

const stripQuotes = (item: string): string =>
  item
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .trim();

/** Splits on commas that are not inside quotes (the items of a bracketed list literal). */
const splitListLiteral = (inner: string): string[] => {
  const items: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of inner) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ',' || ch === ';') {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  return items;
};

/**
 * A number written plainly (`10`, `10.0`, `-3`, `.5`, `2,50`, `1 000`) in its canonical form
 * (`10`, `10`, `-3`, `0.5`, `2.5`, `1000`); null for anything else.
 */
export const canonicalNumber = (raw: string): string | null => {
  const value = parseDecimal(raw);
  if (value === null) return null;
  let p = BigInt(value.p);
  let q = BigInt(value.q);
  while (q > 1n && p % 10n === 0n) {
    p /= 10n;
    q /= 10n;
  }
  const negative = p < 0n;
  const digits = (negative ? -p : p).toString();
  const decimals = q.toString().length - 1;
  if (decimals === 0) return (negative && digits !== '0' ? '-' : '') + digits;
  const padded = digits.padStart(decimals + 1, '0');
  const text = `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
  return negative ? `-${text}` : text;
};

/** One token of an answer list: folded, and a number in its canonical form (`10.0` = `10`). */
export const canonicalToken = (raw: string): string => {
  const folded = foldText(raw);
  return canonicalNumber(folded) ?? folded;
};

/**
 * The legacy ToList (§4.2), kinder: an answer as a list of folded tokens.
 * 1. trailing sentence punctuation is dropped (`10.` → `10`);
 * 2. `[a, 'b', "c"]` → its items (quotes stripped, commas inside quotes kept);
 * 3. else a text with `,` or `;` → its items;
 * 4. else the whitespace-separated words when there are several;
 * 5. else the single folded token, or `[]` for a blank answer.
 * Empty items are dropped; each token goes through {@link canonicalToken}.
 */
export const toAnswerList = (raw: string): string[] => {
  const text = trimAnswer(raw);
  let items: string[];
  if (text.startsWith('[') && text.endsWith(']') && text.length >= 2) {
    items = splitListLiteral(text.slice(1, -1)).map(stripQuotes);
  } else if (/[,;]/.test(text)) {
    items = text.split(/[,;]/);
  } else {
    items = text.split(SPACES);
  }
  return items.map(canonicalToken).filter((item) => item !== '');
};

/** Leading French articles a riddle answer may carry (`un trou`, `l'ombre`). */
const ARTICLE_WORDS = new Set(['le', 'la', 'les', 'un', 'une', 'des', 'du', 'de']);
const ELIDED_ARTICLE = /^[ld]'/;

/** Drops a leading article word (or elided `l'` / `d'`) from a token list: `un trou` → `trou`. */
export const withoutLeadingArticle = (tokens: readonly string[]): string[] => {
  const [first, ...rest] = tokens;
  if (first === undefined) return [];
  if (ARTICLE_WORDS.has(first) && rest.length > 0) return rest;
  if (ELIDED_ARTICLE.test(first) && first.length > 2) return [first.slice(2), ...rest];
  return [...tokens];
};

/** True when both lists hold the same tokens in the same order. */
export const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i]);
