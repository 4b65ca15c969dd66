/**
 * Checking a learner's answer to a logic challenge (spec/api-rest-challenges-admin.md §4): the one entry
 * the challenge service calls. Pure: no I/O, no clock, and total: whatever the answer and whatever the
 * stored challenge holds, it returns a verdict and never throws (a non-text answer is a typed refusal
 * the transports turn into a 400). No partial credit: an answer is right or wrong.
 */
import type { LogicChallengeType } from '../../db/generated/enums.ts';
import {
  CHALLENGE_ANSWER_MESSAGES,
  refusalOf,
  ZChallengeAnswer,
  type ChallengeAnswerRefusal,
} from './answer-check.schemas.ts';
import { chessAnswerMatches } from './chess.rules.ts';
import { deductionAnswerMatches } from './deduction.rules.ts';
import { genericAnswerMatches } from './generic.rules.ts';
import { graphAnswerMatches } from './graph.rules.ts';
import { probabilityAnswerMatches } from './probability.rules.ts';
import { visualAnswerMatches } from './visual.rules.ts';

/** What the checker reads of a challenge (a `logic_challenges` row fits). */
export interface CheckableChallenge {
  challengeType: LogicChallengeType;
  correctAnswer: string | null;
  /** `visual_data` as stored (any JSON); only a pattern's `grid` is read. */
  visualData?: unknown;
}

export type AnswerBranch = 'deduction' | 'probability' | 'chess' | 'graph' | 'visual' | 'generic';

export type ChallengeAnswerVerdict =
  | {
      kind: 'judged';
      correct: boolean;
      /** The answer as text: what was checked and what the attempt row stores. */
      answer: string;
      branch: AnswerBranch;
    }
  | { kind: 'refused'; refusal: ChallengeAnswerRefusal; message: string };

/**
 * Which comparison an answer goes through (§4.1), in the legacy order: a deduction answer with
 * associations (`:`, or `=` here), probability, chess, graph, visual / pattern, and the generic list
 * comparison for everything else (sequence, puzzle, riddle, coding, custom, deduction without `:`).
 */
export const selectAnswerBranch = (type: LogicChallengeType, answer: string): AnswerBranch => {
  if (type === 'DEDUCTION' && /[:=]/.test(answer)) return 'deduction';
  if (type === 'PROBABILITY') return 'probability';
  if (type === 'CHESS') return 'chess';
  if (type === 'GRAPH') return 'graph';
  if (type === 'VISUAL' || type === 'PATTERN') return 'visual';
  return 'generic';
};

/**
 * True when `answer` (already text) solves the challenge. A challenge stored without a usable answer
 * is never solved (the legacy compared with the string `"None"`), except a pattern whose grid implies
 * one (§4.8).
 */
export const isChallengeAnswerCorrect = (
  challenge: CheckableChallenge,
  answer: string,
): boolean => {
  const correct = typeof challenge.correctAnswer === 'string' ? challenge.correctAnswer : null;
  const branch = selectAnswerBranch(challenge.challengeType, answer);
  if (branch === 'visual') {
    const kind = challenge.challengeType === 'PATTERN' ? 'pattern' : 'visual';
    return visualAnswerMatches(kind, answer, correct, challenge.visualData);
  }
  if (correct === null || correct.trim() === '') return false;
  switch (branch) {
    case 'deduction':
      return deductionAnswerMatches(answer, correct);
    case 'probability':
      return probabilityAnswerMatches(answer, correct);
    case 'chess':
      return chessAnswerMatches(answer, correct);
    case 'graph':
      return graphAnswerMatches(answer, correct);
    case 'generic':
      return genericAnswerMatches(answer, correct, {
        freeText: challenge.challengeType === 'RIDDLE',
      });
  }
};

/**
 * Parses the raw answer of an attempt (the `user_solution` of the legacy body, or the tRPC input) with
 * {@link ZChallengeAnswer} and judges it. A refusal carries its reason and French message.
 */
export const checkChallengeAnswer = (
  challenge: CheckableChallenge,
  rawAnswer: unknown,
): ChallengeAnswerVerdict => {
  const parsed = ZChallengeAnswer.safeParse(rawAnswer);
  if (!parsed.success) {
    const refusal = refusalOf(parsed.error.issues);
    return { kind: 'refused', refusal, message: CHALLENGE_ANSWER_MESSAGES[refusal] };
  }
  const answer = parsed.data;
  return {
    kind: 'judged',
    correct: isChallengeAnswerCorrect(challenge, answer),
    answer,
    branch: selectAnswerBranch(challenge.challengeType, answer),
  };
};
