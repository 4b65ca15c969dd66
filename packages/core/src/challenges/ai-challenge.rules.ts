/**
 * A generated logic challenge, checked before anything is saved (api-rest-challenges-admin §5.6): the
 * model's JSON parsed with ZAiChallengeOutput, then verifyGeneratedChallenge checks the texts, the hints,
 * the `visual_data` shape each type needs (§2.5), a sequence's next term against the answer, and, through
 * `answerAccepted` (by default the challenge answer checker, answer-check/), that the challenge's own
 * answer passes the checker a learner's answer goes through. Unlike the
 * legacy, nothing is silently "auto-corrected": a problem goes back to the model once, then the challenge
 * is rejected. normalizeChallengeDifficulty is §5.6's difficulty rule.
 */
import { z } from 'zod';

import type { LogicChallengeType } from '../db/generated/enums.ts';
import { containsStandaloneNumber, type AgeGroup } from '../exercises/index.ts';
import type { AiChallengeType } from '../kernel/ai.ts';
import {
  charLength,
  checkText,
  problem,
  ZModelText,
  type ContentProblem,
} from '../lib/content-check.ts';
import { normalizeText } from '../lib/text.ts';
import { foldText } from './answer-check/answer-text.rules.ts';
import { parseChessAnswer } from './answer-check/chess.rules.ts';
import { parseAssociations } from './answer-check/deduction.rules.ts';
import { splitNodes } from './answer-check/graph.rules.ts';
import { answerFromGrid, readGrid } from './answer-check/grid.rules.ts';
import { isChallengeAnswerCorrect } from './answer-check/index.ts';
import { parseProbability } from './answer-check/probability.rules.ts';

const ZHints = z.union([
  z.array(ZModelText).max(10),
  ZModelText.transform((hint) => (hint === '' ? [] : [hint])),
]);

const ZRating = z
  .union([z.number(), z.string().max(20)])
  .optional()
  .transform((v) => {
    if (v === undefined) return null;
    const n = typeof v === 'number' ? v : Number(v.trim().replace(',', '.'));
    return Number.isFinite(n) ? n : null;
  });

export const ZAiChallengeOutput = z.object({
  title: ZModelText.default(''),
  description: ZModelText.default(''),
  question: ZModelText.default(''),
  correct_answer: ZModelText.default(''),
  solution_explanation: ZModelText.default(''),
  hints: ZHints.default([]),
  visual_data: z.record(z.string(), z.unknown()).default({}),
  difficulty_rating: ZRating,
  choices: z.array(ZModelText).max(10).optional(),
});
export type AiChallengeOutput = z.output<typeof ZAiChallengeOutput>;

export const CHALLENGE_TEXT_LIMITS = {
  title: 150,
  description: 2000,
  question: 1000,
  solutionExplanation: 3000,
  answer: 255,
  hint: 300,
  minHints: 1,
  maxHints: 5,
  visualDataBytes: 20_000,
} as const;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmptyArray = (v: unknown): v is unknown[] => Array.isArray(v) && v.length > 0;
const toNumber = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(v))
    return Number(v.replace(',', '.'));
  return null;
};
const hasAny = (data: Json, keys: readonly string[]): boolean =>
  keys.some((k) => {
    const v = data[k];
    return Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : isObject(v);
  });

/** The next term of a sequence when exactly one simple rule explains it; null otherwise. */
export const predictNextTerm = (terms: readonly number[]): number | null => {
  if (terms.length < 3) return null;
  const last = terms.at(-1) ?? 0;
  const diffs = terms.slice(1).map((t, i) => t - (terms[i] ?? 0));
  const predictions = new Set<number>();
  if (diffs.every((d) => d === diffs[0])) predictions.add(last + (diffs[0] ?? 0));
  if (diffs.every((d, i) => i === 0 || d === (diffs[i - 1] ?? 0) + 1)) {
    predictions.add(last + (diffs.at(-1) ?? 0) + 1);
  }
  if (terms.every((t) => t !== 0)) {
    const ratio = (terms[1] ?? 0) / (terms[0] ?? 1);
    if (terms.every((t, i) => i === 0 || Math.abs(t - (terms[i - 1] ?? 0) * ratio) < 1e-9)) {
      predictions.add(last * ratio);
    }
  }
  if (terms.every((t, i) => i < 2 || t === (terms[i - 1] ?? 0) + (terms[i - 2] ?? 0))) {
    predictions.add(last + (terms.at(-2) ?? 0));
  }
  const [only] = [...predictions];
  return predictions.size === 1 && only !== undefined ? Math.round(only * 1e9) / 1e9 : null;
};

const CHESS_PIECE = /^[KQRBNPkqrbnp]?$/;
const CHESS_OBJECTIVES = ['mat_en_1', 'mat_en_2', 'mat_en_3', 'meilleur_coup'];
const CODING_TYPES = ['caesar', 'substitution', 'binary', 'symbols', 'algorithm', 'maze'];

const invalid = (message: string): ContentProblem =>
  problem('VISUAL_DATA_INVALID', 'visual_data', message);

/** §2.5: the keys each type's rendering and checking need. */
const checkVisualData = (type: AiChallengeType, data: Json, answer: string): ContentProblem[] => {
  switch (type) {
    case 'sequence': {
      const terms = Array.isArray(data.sequence) ? data.sequence.map(toNumber) : [];
      if (terms.length < 3 || terms.some((t) => t === null)) {
        return [invalid('visual_data.sequence doit être une liste d’au moins 3 nombres.')];
      }
      const next = predictNextTerm(terms.filter((t): t is number => t !== null));
      const given = toNumber(answer);
      if (next !== null && given !== null && next !== given) {
        return [
          problem(
            'ANSWER_MISMATCH',
            'correct_answer',
            `Le terme suivant de la suite est ${String(next).replace('.', ',')}, pas ${answer}.`,
          ),
        ];
      }
      return [];
    }
    case 'pattern': {
      const grid = data.grid;
      const rows = Array.isArray(grid) && grid.every(Array.isArray) ? (grid as unknown[][]) : null;
      if (!rows || rows.length === 0 || !rows.flat().some((cell) => String(cell).trim() === '?')) {
        return [
          invalid('visual_data.grid doit être une grille (tableau de lignes) avec une case « ? ».'),
        ];
      }
      return [];
    }
    case 'visual':
      return Object.keys(data).length === 0 ? [invalid('visual_data ne doit pas être vide.')] : [];
    case 'puzzle':
      return nonEmptyArray(data.pieces) || nonEmptyArray(data.items)
        ? []
        : [invalid('visual_data.pieces doit lister les pièces à ranger.')];
    case 'riddle':
      return hasAny(data, [
        'clues',
        'indices',
        'context',
        'scenario',
        'scene',
        'riddle',
        'question',
        'grid',
        'pattern',
      ])
        ? []
        : [invalid('visual_data doit contenir des indices (clues) ou le contexte de l’énigme.')];
    case 'deduction': {
      const entities = data.entities;
      const categories = isObject(entities) ? Object.values(entities) : [];
      return categories.length >= 2 && categories.every(nonEmptyArray) && nonEmptyArray(data.clues)
        ? []
        : [invalid('visual_data doit contenir entities (au moins 2 catégories) et clues.')];
    }
    case 'probability': {
      const counts = Object.entries(data)
        .filter(([k]) => !['total', 'description', 'question'].includes(k))
        .map(([, v]) => toNumber(v));
      return counts.some((c) => c !== null && c > 0)
        ? []
        : [invalid('visual_data doit contenir au moins un effectif positif.')];
    }
    case 'graph': {
      const nodes = Array.isArray(data.nodes) ? data.nodes.map(String) : [];
      const edges: unknown[] = Array.isArray(data.edges) ? data.edges : [];
      const known = new Set(nodes);
      const edgesOk = edges.every(
        (e) =>
          Array.isArray(e) && e.length >= 2 && known.has(String(e[0])) && known.has(String(e[1])),
      );
      return nodes.length > 0 && edgesOk
        ? []
        : [invalid('visual_data.nodes est requis et chaque arête relie deux nœuds existants.')];
    }
    case 'coding':
      return (typeof data.type === 'string' && CODING_TYPES.includes(data.type)) ||
        hasAny(data, ['encoded_message', 'steps', 'maze'])
        ? []
        : [invalid('visual_data doit contenir type, encoded_message, steps ou maze.')];
    case 'chess': {
      const board = data.board;
      const boardOk =
        Array.isArray(board) &&
        board.length === 8 &&
        board.every(
          (row) =>
            Array.isArray(row) &&
            row.length === 8 &&
            row.every((cell) => typeof cell === 'string' && CHESS_PIECE.test(cell)),
        );
      const ok =
        boardOk &&
        (data.turn === 'white' || data.turn === 'black') &&
        typeof data.objective === 'string' &&
        CHESS_OBJECTIVES.includes(data.objective);
      return ok
        ? []
        : [invalid('visual_data doit contenir un échiquier 8×8 valide, turn et objective.')];
    }
  }
};

const revealsAnswer = (hint: string, answer: string): boolean => {
  const a = normalizeText(answer);
  if (a === '') return false;
  if (/^-?\d+([.,]\d+)?$/.test(answer)) {
    return containsStandaloneNumber(hint, answer.replace(',', '.'));
  }
  return a.length >= 3 && normalizeText(hint).includes(a);
};

/** The stored type of each generated type (the database enum). */
export const LOGIC_TYPE_OF: Readonly<Record<AiChallengeType, LogicChallengeType>> = {
  sequence: 'SEQUENCE',
  pattern: 'PATTERN',
  visual: 'VISUAL',
  puzzle: 'PUZZLE',
  riddle: 'RIDDLE',
  deduction: 'DEDUCTION',
  probability: 'PROBABILITY',
  graph: 'GRAPH',
  coding: 'CODING',
  chess: 'CHESS',
};

/** The answer the stored data implies for a learner, where the checker can tell (a pattern grid). */
const impliedAnswer = (type: AiChallengeType, visualData: unknown): string | null => {
  if (type !== 'pattern') return null;
  const grid = readGrid(visualData);
  return grid === null ? null : answerFromGrid(grid);
};

const isPlainNumber = (text: string): boolean => /^-?\d+([.,]\d+)?$/.test(text.trim());

/** The answer is written the way the checker reads this type (§4): a move, a probability, nodes… */
const readableByChecker = (type: AiChallengeType, answer: string, visualData: Json): boolean => {
  switch (type) {
    case 'chess':
      return answer.split('|').every((line) => parseChessAnswer(line) !== null);
    case 'probability': {
      const value = parseProbability(answer);
      return value !== null && value.value.p >= 0n && value.value.p <= value.value.q;
    }
    case 'deduction':
      return !/[:=]/.test(answer) || parseAssociations(answer).size > 0;
    case 'graph': {
      if (isPlainNumber(answer)) return true;
      const known = new Set(
        (Array.isArray(visualData.nodes) ? visualData.nodes : []).map((n) => foldText(String(n))),
      );
      const nodes = splitNodes(answer);
      return nodes.length > 0 && nodes.every((n) => known.has(n));
    }
    default:
      return true;
  }
};

/**
 * The real answer checker (answer-check/, api-rest-challenges-admin §4) accepts the challenge's own
 * `correct_answer`: it is written the way the checker reads this type (a chess move, a probability, the
 * graph's own nodes…), a learner typing it is judged right, and for a pattern whose grid implies an
 * answer (§4.9) that answer is the same.
 */
export const ownAnswerAccepted =
  (challengeType: AiChallengeType) =>
  (output: AiChallengeOutput): boolean => {
    const answer = output.correct_answer;
    const type = LOGIC_TYPE_OF[challengeType];
    const self = { challengeType: type, correctAnswer: answer, visualData: output.visual_data };
    if (!readableByChecker(challengeType, answer, output.visual_data)) return false;
    if (!isChallengeAnswerCorrect(self, answer)) return false;
    const implied = impliedAnswer(challengeType, output.visual_data);
    return (
      implied === null || isChallengeAnswerCorrect({ ...self, correctAnswer: implied }, answer)
    );
  };

export interface VerifyChallengeContext {
  challengeType: AiChallengeType;
  /** True when the answer checker accepts `correct_answer`; default: ownAnswerAccepted(challengeType). */
  answerAccepted?: (output: AiChallengeOutput) => boolean;
}

/** Every problem of a generated challenge; [] means it is consistent and can be saved. */
export const verifyGeneratedChallenge = (
  output: AiChallengeOutput,
  context: VerifyChallengeContext,
): ContentProblem[] => {
  const limits = CHALLENGE_TEXT_LIMITS;
  const problems = [
    ...checkText('title', output.title, { max: limits.title, prose: false }),
    ...checkText('description', output.description, { max: limits.description }),
    ...checkText('question', output.question, { max: limits.question }),
    ...checkText('correct_answer', output.correct_answer, { max: limits.answer, prose: false }),
    ...checkText('solution_explanation', output.solution_explanation, {
      max: limits.solutionExplanation,
    }),
  ];
  if (output.hints.length < limits.minHints || output.hints.length > limits.maxHints) {
    problems.push(
      problem(
        'HINTS_COUNT',
        'hints',
        `Il faut entre ${limits.minHints} et ${limits.maxHints} indices (3 de préférence).`,
      ),
    );
  }
  output.hints.forEach((hint, i) => {
    problems.push(...checkText(`hints.${i + 1}`, hint, { max: limits.hint }));
    if (revealsAnswer(hint, output.correct_answer)) {
      problems.push(
        problem(
          'HINT_REVEALS_ANSWER',
          `hints.${i + 1}`,
          'Un indice ne doit pas donner la réponse.',
        ),
      );
    }
  });
  if (charLength(JSON.stringify(output.visual_data)) > limits.visualDataBytes) {
    problems.push(invalid('visual_data est trop volumineux.'));
  } else {
    problems.push(
      ...checkVisualData(context.challengeType, output.visual_data, output.correct_answer),
    );
  }
  if (output.choices) {
    const keys = output.choices.map(normalizeText);
    if (new Set(keys).size !== keys.length || keys.includes('')) {
      problems.push(
        problem(
          'CHOICES_DUPLICATE',
          'choices',
          'Les propositions doivent être toutes différentes.',
        ),
      );
    }
    if (!keys.includes(normalizeText(output.correct_answer))) {
      problems.push(
        problem(
          'CHOICES_MISSING_ANSWER',
          'choices',
          'La bonne réponse doit figurer parmi les propositions.',
        ),
      );
    }
  }
  const answerAccepted = context.answerAccepted ?? ownAnswerAccepted(context.challengeType);
  if (output.correct_answer !== '' && !answerAccepted(output)) {
    problems.push(
      problem(
        'ANSWER_REJECTED',
        'correct_answer',
        "La réponse n'a pas le format attendu pour ce type de défi, ou ne correspond pas aux données.",
      ),
    );
  }
  return problems;
};

/** §2.3: the difficulty expected for an age group. */
export const EXPECTED_DIFFICULTY: Readonly<Record<AgeGroup, number>> = {
  '6-8': 1.5,
  '9-11': 2.5,
  '12-14': 3.5,
  '15-17': 4.0,
  adulte: 4.5,
  'tous-ages': 2.5,
};

/** §5.6 difficulty normalisation of the model's `difficulty_rating`. */
export const normalizeChallengeDifficulty = (
  output: Pick<AiChallengeOutput, 'difficulty_rating' | 'visual_data'>,
  challengeType: AiChallengeType,
  ageGroup: AgeGroup,
): number => {
  const expected = EXPECTED_DIFFICULTY[ageGroup];
  const given = output.difficulty_rating;
  let rating =
    given !== null && given >= 1 && given <= 5 && Math.abs(given - expected) <= 1.5
      ? given
      : expected;
  if (ageGroup === 'adulte') rating = Math.max(rating, 4.0);
  if (challengeType === 'pattern' && Array.isArray(output.visual_data.grid)) {
    const unknowns = (output.visual_data.grid as unknown[])
      .flat()
      .filter((cell) => String(cell).trim() === '?').length;
    if (unknowns <= 1) rating = Math.min(rating, 3.0);
  }
  return Math.round(rating * 10) / 10;
};
