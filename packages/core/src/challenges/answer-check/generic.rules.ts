/**
 * Generic comparison (spec/api-rest-challenges-admin.md §4.2), used by sequence, puzzle, riddle, coding,
 * custom and deduction answers without associations. Differences from the legacy, on purpose
 * (docs/legacy-differences.md): accents and ligatures are ignored; numbers compare by value (`10` =
 * `10.0`, and when one number is expected `2,5` = `2.5` and `8 jours` = `8`); a riddle answer may carry
 * an article or a plural (`les escaliers` = `un escalier`); and a challenge without a correct answer is
 * never solved (the legacy compared with the string `"None"`).
 */
import {
  canonicalNumber,
  foldText,
  sameList,
  toAnswerList,
  trimAnswer,
  withoutLeadingArticle,
} from './answer-text.rules.ts';

export interface GenericOptions {
  /**
   * Riddles (free text): a leading French article and a final plural `s` / `x` are ignored on both
   * sides (`Les escaliers` = `un escalier`).
   */
  freeText?: boolean;
}

/** `first = first`, or both lists equal when either has several tokens (the legacy rule). */
const listsMatch = (user: readonly string[], correct: readonly string[]): boolean =>
  user.length > 1 || correct.length > 1 ? sameList(user, correct) : (user[0] ?? '') === correct[0];

const singular = (token: string): string =>
  token.length > 3 && /[a-z][sx]$/.test(token) ? token.slice(0, -1) : token;

const freeTextTokens = (tokens: readonly string[]): string[] =>
  withoutLeadingArticle(tokens).map(singular);

/** Words after a number that change its value: `8 et demi`, `3 sur 4` are not `8` or `3`. */
const NOT_UNITS = new Set([
  'et',
  'ou',
  'virgule',
  'demi',
  'demie',
  'quart',
  'quarts',
  'tiers',
  'moins',
  'plus',
  'fois',
  'sur',
  'pour',
  'cent',
  'cents',
  'mille',
  'million',
  'millions',
  'milliard',
  'milliards',
  'dizaine',
  'dizaines',
  'centaine',
  'centaines',
]);

const CURRENCY = /\s*[€$£]$/u;
const UNIT_WORD = /^\p{L}{1,15}\.?$/u;

/**
 * The answer read as one number, possibly followed by one unit word or a currency sign
 * (`8 jours`, `0,05 €`, `48 km`), in canonical form; null otherwise.
 */
export const numberWithUnit = (raw: string): string | null => {
  const text = trimAnswer(raw);
  const whole = canonicalNumber(text);
  if (whole !== null) return whole;
  if (CURRENCY.test(text)) return canonicalNumber(text.replace(CURRENCY, ''));
  const cut = text.lastIndexOf(' ');
  if (cut <= 0) return null;
  const unit = text.slice(cut + 1);
  if (!UNIT_WORD.test(unit) || NOT_UNITS.has(foldText(unit).replace(/\.$/, ''))) return null;
  return canonicalNumber(text.slice(0, cut));
};

/**
 * True when the learner's answer matches the stored one. A blank stored answer never matches.
 * When exactly one number is expected, the whole answer is also read as one number (with an optional
 * unit), so a decimal comma or a thousands space (`2,5`, `1 000`) is not taken for a list separator.
 */
export const genericAnswerMatches = (
  userAnswer: string,
  correctAnswer: string,
  options: GenericOptions = {},
): boolean => {
  let correct = toAnswerList(correctAnswer);
  if (correct.length === 0) return false;
  let user = toAnswerList(userAnswer);
  if (options.freeText === true) {
    correct = freeTextTokens(correct);
    user = freeTextTokens(user);
  }
  if (listsMatch(user, correct)) return true;
  const [only] = correct;
  if (correct.length !== 1 || only === undefined || canonicalNumber(only) === null) return false;
  return numberWithUnit(userAnswer) === only;
};
