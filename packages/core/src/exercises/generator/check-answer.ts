/**
 * Answer checking (improves on spec/domain-rules.md §3, which compared trimmed strings):
 * - integer / decimal: compared as exact numbers. `10` = `10.0` = ` 10 `, `0,5` = `0.5`, `.5` = `0.5`,
 *   `−3` (Unicode minus) = `-3`, `1 000` = `1000` (groups of 3 digits). No scientific notation, no
 *   tolerance: `50.2` ≠ `50.24`.
 * - fraction: `value` answers (the default when the params are missing) accept any equal fraction or
 *   decimal (`2/4` = `1/2` = `0.5`, spaces around `/` allowed); `simplified` answers accept only an
 *   irreducible `p/q` written with a positive denominator, or the integer when the value is whole (`3/6` is refused for `1/2`).
 * - text: case, accents, surrounding and repeated spaces and typographic apostrophes are ignored
 *   (`Éléphant ` = `elephant`), because children type on any keyboard.
 * Never throws: garbage input (wrong types included) returns false.
 */
import {
  gcd,
  normalizeSign,
  parseDecimal,
  parseFraction,
  type Rational,
} from '../../lib/rational.ts';
import { normalizeText } from '../../lib/text.ts';
import type { AnswerKind } from '../exercise.rules.ts';

const parseRational = (raw: string): Rational | null => parseFraction(raw) ?? parseDecimal(raw);

const sameValue = (a: Rational, b: Rational): boolean => a.p * b.q === b.p * a.q;

const answerFormOf = (params: unknown): 'value' | 'simplified' => {
  if (typeof params === 'object' && params !== null && 'answerForm' in params) {
    return params.answerForm === 'simplified' ? 'simplified' : 'value';
  }
  return 'value';
};

const checkFraction = (correctAnswer: string, submitted: string, params: unknown): boolean => {
  const expected = parseRational(correctAnswer);
  if (!expected) return false;
  if (answerFormOf(params) === 'value') {
    const given = parseRational(submitted);
    return given !== null && sameValue(given, expected);
  }
  const asFraction = /^[+-]?\d+\s*\/\s*\d+$/.test(normalizeSign(submitted.trim()))
    ? parseFraction(submitted)
    : null;
  if (asFraction) {
    return (
      asFraction.q > 0 && gcd(asFraction.p, asFraction.q) === 1 && sameValue(asFraction, expected)
    );
  }
  // A whole value may be written as an integer, never as a decimal (`2`, not `2.0`).
  const asInteger = /^[+-]?\d{1,15}$/.test(normalizeSign(submitted.trim()))
    ? parseDecimal(submitted)
    : null;
  return asInteger !== null && sameValue(asInteger, expected);
};

export const checkAnswer = (
  answerKind: AnswerKind,
  correctAnswer: string,
  submitted: string,
  generationParams?: unknown,
): boolean => {
  try {
    if (typeof correctAnswer !== 'string' || typeof submitted !== 'string') return false;
    if (correctAnswer.trim() === '' || submitted.trim() === '') return false;
    switch (answerKind) {
      case 'integer':
      case 'decimal': {
        const expected = parseDecimal(correctAnswer);
        const given = parseDecimal(submitted);
        return expected !== null && given !== null && sameValue(given, expected);
      }
      case 'fraction':
        return checkFraction(correctAnswer, submitted, generationParams);
      case 'text':
        return normalizeText(submitted) === normalizeText(correctAnswer);
      default:
        return submitted.trim() === correctAnswer.trim();
    }
  } catch {
    return false;
  }
};
