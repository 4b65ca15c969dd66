/**
 * Multiple-choice options: exactly 4 strings, pairwise different in VALUE (so that `checkAnswer`
 * accepts only the correct one), containing the correct answer, shuffled.
 * 1. the problem's own plausible mistakes (carry error, wrong operation, perimeter/area mix-up…),
 *    kept when valid (parsable, not negative, different in value from those already kept);
 * 2. padding with near misses around the answer (± a margin that grows with the answer);
 * 3. a deterministic last resort (answer + 1, + 2, …) so the loop always ends.
 */
import {
  formatHundredths,
  formatRational,
  parseDecimal,
  parseFraction,
  reduce,
  type Rational,
} from '../../lib/rational.ts';
import type { AnswerKind } from '../exercise.rules.ts';
import type { Random } from './random.ts';

export const CHOICE_COUNT = 4;

const valueOf = (kind: AnswerKind, text: string): Rational | null =>
  kind === 'fraction' ? (parseFraction(text) ?? parseDecimal(text)) : parseDecimal(text);

/** A value key: equal keys ⇔ equal values. */
const keyOf = (value: Rational): string => {
  const r = reduce(value);
  return `${r.p}/${r.q}`;
};

const nearMisses = (kind: AnswerKind, answer: Rational, random: Random): string[] => {
  if (kind === 'fraction') {
    const { p, q } = answer;
    return random.shuffle([
      formatRational({ p: p + 1, q }),
      formatRational({ p: Math.max(1, p - 1), q }),
      formatRational({ p, q: q + 1 }),
      formatRational({ p, q: Math.max(1, q - 1) }),
      formatRational({ p: p + q, q }),
      formatRational({ p: q, q: p }),
    ]);
  }
  // integer and decimal: work in hundredths so decimals keep their scale.
  const hundredths = Math.round((answer.p * 100) / answer.q);
  const magnitude = Math.abs(hundredths) / 100;
  const margin = Math.max(3, Math.min(20, Math.round(magnitude * 0.1)));
  const unit = hundredths % 100 === 0 ? 100 : hundredths % 50 === 0 ? 50 : 10;
  const misses: string[] = [];
  for (let i = 0; i < 8; i++) {
    const offset = random.int(1, margin) * (random.chance(0.5) ? 1 : -1);
    misses.push(formatHundredths(hundredths + offset * unit));
  }
  return misses;
};

/**
 * Builds the 4 shuffled choices. `answer` must be in canonical form; candidates that do not parse,
 * are negative (or zero for fractions), or equal an already kept value in value are dropped.
 */
export const buildChoices = (
  kind: AnswerKind,
  answer: string,
  candidates: readonly string[],
  random: Random,
): string[] => {
  if (kind === 'text') {
    const seen = new Set<string>([answer.toLowerCase()]);
    const kept = [answer];
    for (const c of candidates) {
      if (kept.length >= CHOICE_COUNT) break;
      if (c.trim() !== '' && !seen.has(c.toLowerCase())) {
        seen.add(c.toLowerCase());
        kept.push(c);
      }
    }
    return random.shuffle(kept);
  }
  const answerValue = valueOf(kind, answer);
  if (!answerValue) throw new RangeError(`buildChoices: unparsable answer ${answer}`);
  const seen = new Set<string>([keyOf(answerValue)]);
  const kept = [answer];
  const tryAdd = (candidate: string): void => {
    if (kept.length >= CHOICE_COUNT) return;
    const value = valueOf(kind, candidate);
    if (!value) return;
    if (value.p < 0 || (kind === 'fraction' && value.p === 0)) return;
    const key = keyOf(value);
    if (seen.has(key)) return;
    seen.add(key);
    kept.push(candidate);
  };
  for (const candidate of candidates) tryAdd(candidate);
  for (const candidate of nearMisses(kind, answerValue, random)) tryAdd(candidate);
  for (let step = 1; kept.length < CHOICE_COUNT; step++) {
    tryAdd(
      kind === 'fraction'
        ? formatRational({ p: answerValue.p + step * answerValue.q, q: answerValue.q })
        : formatHundredths(Math.round((answerValue.p * 100) / answerValue.q) + step * 100),
    );
  }
  return random.shuffle(kept);
};
