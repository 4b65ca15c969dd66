/**
 * Generic comparison (spec/api-rest-challenges-admin.md §4.2), used by sequence, puzzle, riddle, coding,
 * custom and deduction answers without associations. Differences from the legacy, on purpose
 * (docs/legacy-differences.md): accents and ligatures are ignored, numbers compare by value (`10` = `10.0`,
 * `2,5` = `2.5` when one number is expected), a riddle answer may start with an article, and a challenge
 * without a correct answer is never solved (the legacy compared with the string `"None"`).
 */
import {
  canonicalNumber,
  sameList,
  toAnswerList,
  trimAnswer,
  withoutLeadingArticle,
} from './answer-text.rules.ts';

export interface GenericOptions {
  /** Riddles: a leading French article is ignored on both sides (`un trou` = `trou`). */
  ignoreArticles?: boolean;
}

/** `first = first`, or both lists equal when either has several tokens (the legacy rule). */
const listsMatch = (user: readonly string[], correct: readonly string[]): boolean =>
  user.length > 1 || correct.length > 1 ? sameList(user, correct) : (user[0] ?? '') === correct[0];

/**
 * True when the learner's answer matches the stored one. A blank stored answer never matches.
 * When exactly one number is expected, the whole answer is also read as one number, so a decimal
 * comma or a thousands space (`2,5`, `1 000`) is not taken for a list separator.
 */
export const genericAnswerMatches = (
  userAnswer: string,
  correctAnswer: string,
  options: GenericOptions = {},
): boolean => {
  let correct = toAnswerList(correctAnswer);
  if (correct.length === 0) return false;
  let user = toAnswerList(userAnswer);
  if (options.ignoreArticles === true) {
    correct = withoutLeadingArticle(correct);
    user = withoutLeadingArticle(user);
  }
  if (listsMatch(user, correct)) return true;
  const [only] = correct;
  if (correct.length !== 1 || only === undefined || canonicalNumber(only) === null) return false;
  return canonicalNumber(trimAnswer(userAnswer)) === only;
};
