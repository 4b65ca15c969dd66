/**
 * Visual and pattern answers (spec/api-rest-challenges-admin.md §4.8). Differences from the legacy, on
 * purpose (docs/legacy-differences.md):
 * - a pattern's stored answer is the reference; the grid analysis (§4.9) only fills in for a pattern
 *   stored without an answer (the legacy let the heuristic override a correct stored answer);
 * - a single answer is compared whole (`cercle bleu` ≠ `cercle rouge`; the legacy compared the first word
 *   only), and a list without positions is compared item by item, in order (the legacy kept the first).
 */
import { sameList, toAnswerList, trimAnswer } from './answer-text.rules.ts';
import { answerFromGrid, readGrid } from './grid.rules.ts';
import { normalizeShape } from './shape.rules.ts';

export interface PositionedAnswer {
  /** The cell number the learner gave (`Position 6: …`), 0 when none. */
  position: number;
  /** The shape / symbol, through {@link normalizeShape}. */
  answer: string;
}

const MAX_POSITION_DIGITS = 9;

/**
 * ParsePositions (§4.8 step 3): `Position 6: carré bleu, Position 9: triangle vert` →
 * `[(6, carre bleu), (9, triangle vert)]`; `6=cercle rouge` is read like `6:cercle rouge`; a segment
 * without `:` gets position 0. A segment whose position has no digit, or whose answer is empty or only
 * digits, is skipped; with nothing left, the whole text is one answer at position 0.
 */
export const parsePositions = (text: string): PositionedAnswer[] => {
  const pairs: PositionedAnswer[] = [];
  for (const segment of text.split(',')) {
    const trimmed = segment.trim();
    if (trimmed === '') continue;
    const colon = trimmed.search(/[:=]/);
    if (colon === -1) {
      pairs.push({ position: 0, answer: normalizeShape(trimmed) });
      continue;
    }
    const digits = trimmed.slice(0, colon).replace(/\D/g, '').slice(0, MAX_POSITION_DIGITS);
    const right = trimmed.slice(colon + 1).trim();
    if (digits !== '' && right !== '' && !/^\d+$/.test(right)) {
      pairs.push({ position: Number(digits), answer: normalizeShape(right) });
    }
  }
  return pairs.length > 0 ? pairs : [{ position: 0, answer: normalizeShape(text) }];
};

const setOf = (pairs: readonly PositionedAnswer[]): Set<string> =>
  new Set(pairs.map((p) => p.answer).filter((a) => a !== ''));

const sameSet = (a: Set<string>, b: Set<string>): boolean =>
  a.size === b.size && [...a].every((item) => b.has(item));

const byPosition = (pairs: readonly PositionedAnswer[]): string[] =>
  [...pairs].sort((x, y) => x.position - y.position).map((p) => p.answer);

/** A comma list of shapes, each normalised (brackets and quotes around items ignored). */
const shapeList = (text: string): string[] => {
  let body = trimAnswer(text);
  if (body.startsWith('[') && body.endsWith(']')) body = body.slice(1, -1);
  return body
    .split(/[,;]/)
    .map((item) => normalizeShape(item.trim().replace(/^["']+|["']+$/g, '')))
    .filter((item) => item !== '');
};

/** Step 3: answers with positions, or a single shape / list of shapes. */
const positionsMatch = (userAnswer: string, effective: string): boolean => {
  const user = parsePositions(userAnswer);
  const correct = parsePositions(effective);
  const anyPosition = [...user, ...correct].some((p) => p.position > 0);
  if ((user.length > 1 || correct.length > 1) && anyPosition) {
    if (user.length === correct.length) {
      if (sameList(byPosition(user), byPosition(correct))) return true;
      return user.every((p) => p.position === 0) && sameSet(setOf(user), setOf(correct));
    }
    return sameSet(setOf(user), setOf(correct));
  }
  const expected = shapeList(effective);
  return expected.length > 0 && sameList(shapeList(userAnswer), expected);
};

/**
 * True when a visual or pattern answer matches: the stored answer (or, for a pattern stored without
 * one, the answer its grid implies), compared as a list of symbols for a multi-cell pattern, else
 * through the positions. A challenge with no usable answer is never solved.
 */
export const visualAnswerMatches = (
  kind: 'visual' | 'pattern',
  userAnswer: string,
  correctAnswer: string | null,
  visualData: unknown,
): boolean => {
  let effective = (correctAnswer ?? '').trim();
  if (effective === '' && kind === 'pattern') {
    const grid = readGrid(visualData);
    effective = (grid === null ? null : answerFromGrid(grid))?.trim() ?? '';
  }
  if (effective === '') return false;
  if (kind === 'pattern' && effective.includes(',') && !/position/i.test(effective)) {
    const expected = toAnswerList(effective).map(normalizeShape);
    const given = toAnswerList(userAnswer).map(normalizeShape);
    return expected.length > 0 && sameList(given, expected);
  }
  return positionsMatch(userAnswer, effective);
};
