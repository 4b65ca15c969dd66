/**
 * Graph answers (spec/api-rest-challenges-admin.md §4.7): a path (stored with dashes or arrows,
 * `A-B-C-D`, compared in order), a set of nodes (stored as a list, `A, C, E`, compared in any order) or a
 * single value (a node or a number, compared like the generic branch).
 *
 * Kinder than the legacy, on purpose: a path may be typed with any separator (`A - B - C`, `A → B → C`,
 * `A, B, C`, `A B C`; the legacy took `A-B-C` as one token and refused `A - B - C`), and a node set
 * may be typed as a path. Case and accents are ignored.
 */
import { foldText, sameList, trimAnswer } from './answer-text.rules.ts';
import { genericAnswerMatches } from './generic.rules.ts';

/** Separators between nodes: dashes, arrows, `>`, commas, semicolons. */
const NODE_SEPARATORS = /\s*(?:->|=>|[-–—→⟶➔>,;])\s*/u;
const PATH_MARK = /->|=>|[-–—→⟶➔>]/u;

/**
 * The nodes of an answer, folded: split on dashes, arrows, commas or semicolons; when there is none of
 * those, on spaces. Surrounding brackets are ignored.
 */
export const splitNodes = (raw: string): string[] => {
  let text = trimAnswer(raw);
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const parts = text.split(NODE_SEPARATORS);
  const nodes = (parts.length > 1 ? parts : text.split(/\s+/))
    .map((node) => foldText(node.replace(/^["']+|["']+$/g, '')))
    .filter((node) => node !== '');
  return nodes;
};

/** True when the learner's path / node set / value matches the stored one. */
export const graphAnswerMatches = (userAnswer: string, correctAnswer: string): boolean => {
  const stored = trimAnswer(correctAnswer);
  const expected = splitNodes(stored);
  if (expected.length === 0) return false;
  if (expected.length === 1) return genericAnswerMatches(userAnswer, stored);
  const given = splitNodes(userAnswer);
  if (PATH_MARK.test(stored)) return sameList(given, expected);
  const expectedSet = new Set(expected);
  const givenSet = new Set(given);
  return expectedSet.size === givenSet.size && [...expectedSet].every((node) => givenSet.has(node));
};
