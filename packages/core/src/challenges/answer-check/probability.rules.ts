/**
 * Probability answers (spec/api-rest-challenges-admin.md §4.5), compared by value with exact rationals:
 * `6/10` = `3/5` = `0.6` = `0,6` = `60%` = `60 %` = `3 sur 5` = `3 chances sur 5`.
 *
 * Tolerance (replaces the legacy `|u − c| < 0.001`): a decimal or a percent that is the exact value
 * rounded (half up) or truncated to the number of decimals the learner wrote is accepted, provided that
 * is at least 2 decimals of a probability (a whole percent). So for 1/3: `0.33`, `33 %`, `0,333`,
 * `33,3 %` are right; `0.3`, `0.34` and `30 %` are not; for 2/3 both `0.67` and `0.66` are right. A
 * value that is exactly representable must be exact (`0.26` is not 1/4). A stored answer that is not a
 * number is compared as folded text (case and accents ignored).
 */
import { parseDecimal } from '../../lib/rational.ts';
import { foldText, trimAnswer } from './answer-text.rules.ts';

/** An exact rational p/q, q > 0. */
interface Exact {
  p: bigint;
  q: bigint;
}

export interface ProbabilityValue {
  value: Exact;
  /** Decimals written, in probability units (`33%` → 2, `0,125` → 3); null for a fraction (exact). */
  decimals: number | null;
}

/** Decimals below this are too coarse to stand for a value they do not equal (`0.3` for 1/3). */
export const MIN_ROUNDED_DECIMALS = 2;

const decimalOf = (raw: string): { value: Exact; decimals: number } | null => {
  const parsed = parseDecimal(raw);
  if (parsed === null) return null;
  return {
    value: { p: BigInt(parsed.p), q: BigInt(parsed.q) },
    decimals: String(parsed.q).length - 1,
  };
};

/** `a/b` or `a sur b`, each side a plain decimal; null for a zero denominator. */
const fractionOf = (left: string, right: string): ProbabilityValue | null => {
  const a = decimalOf(left.replace(/\s*chances?$/, ''));
  const b = decimalOf(right);
  if (a === null || b === null || b.value.p === 0n) return null;
  let p = a.value.p * b.value.q;
  let q = a.value.q * b.value.p;
  if (q < 0n) {
    p = -p;
    q = -q;
  }
  return { value: { p, q }, decimals: null };
};

/** The value of a probability answer, or null when it is not a number, a fraction or a percent. */
export const parseProbability = (raw: string): ProbabilityValue | null => {
  const text = trimAnswer(foldText(raw)).replace(/\s*(?:pour ?cents?|pourcents?)$/, '%');
  const slash = text.indexOf('/');
  if (slash !== -1) return fractionOf(text.slice(0, slash), text.slice(slash + 1));
  const sur = text.split(' sur ');
  if (sur.length === 2) return fractionOf(sur[0] ?? '', sur[1] ?? '');
  if (text.endsWith('%')) {
    const percent = decimalOf(text.slice(0, -1));
    if (percent === null) return null;
    return {
      value: { p: percent.value.p, q: percent.value.q * 100n },
      decimals: percent.decimals + 2,
    };
  }
  return decimalOf(text);
};

const sameValue = (a: Exact, b: Exact): boolean => a.p * b.q === b.p * a.q;

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** True when `given` is `exact` rounded half up, or truncated, to `decimals` decimals. */
const isRoundingOf = (given: Exact, exact: Exact, decimals: number): boolean => {
  const scale = 10n ** BigInt(decimals);
  if ((given.p * scale) % given.q !== 0n) return false;
  const scaledGiven = (given.p * scale) / given.q;
  const sign = exact.p < 0n ? -1n : 1n;
  const magnitude = abs(exact.p) * scale;
  const truncated = sign * (magnitude / exact.q);
  const rounded = sign * ((2n * magnitude + exact.q) / (2n * exact.q));
  return scaledGiven === truncated || scaledGiven === rounded;
};

/** True when the learner's probability equals the stored one (see the file comment for the tolerance). */
export const probabilityAnswerMatches = (userAnswer: string, correctAnswer: string): boolean => {
  const correctText = foldText(correctAnswer);
  if (correctText === '') return false;
  const correct = parseProbability(correctAnswer);
  const user = parseProbability(userAnswer);
  if (correct === null || user === null) return foldText(userAnswer) === correctText;
  if (sameValue(user.value, correct.value)) return true;
  return (
    user.decimals !== null &&
    user.decimals >= MIN_ROUNDED_DECIMALS &&
    isRoundingOf(user.value, correct.value, user.decimals)
  );
};
