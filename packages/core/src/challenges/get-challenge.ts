import type { AuthedCtx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { ChallengeDeps } from './challenge-deps.ts';
import { toChallengeListItem } from './challenge.mapping.ts';
import {
  findChallengeDetail,
  findUserChallengeState,
  incrementChallengeViews,
} from './challenge.repo.ts';
import {
  answerPositionsOf,
  CHALLENGE_MESSAGES,
  choicesFromJson,
  disclosureFor,
  hintsFromJson,
  visualDataFromJson,
} from './challenge.rules.ts';
import type { ChallengeDetailDto } from './challenge.schemas.ts';

/**
 * GET /api/challenges/{id} (§3.2): any state (archived and inactive included). What the learner sees
 * follows their own attempts (challenge.rules.ts `disclosureFor`): before the first attempt no hint text,
 * no answer, no explanation; after an attempt the hints; once solved the solution. Each read counts one
 * view (the legacy never counted them).
 */
export const makeGetChallenge =
  (deps: ChallengeDeps) =>
  async (ctx: AuthedCtx, challengeId: number): Promise<ChallengeDetailDto> => {
    const prisma = deps.db.prisma;
    const row = await findChallengeDetail(prisma, challengeId);
    if (!row) throw new AppError('NOT_FOUND', CHALLENGE_MESSAGES.notFound);
    const state = await findUserChallengeState(prisma, ctx.actor.userId, row.id);
    await incrementChallengeViews(prisma, row.id);
    const disclosure = disclosureFor(state);
    const hints = hintsFromJson(row.hints);
    return {
      ...toChallengeListItem(row),
      viewCount: row.viewCount + 1,
      question: row.question,
      choices: choicesFromJson(row.choices),
      visualData: visualDataFromJson(row.visualData),
      isActive: row.isActive,
      hintCount: hints.length,
      answerPositions: answerPositionsOf(row.correctAnswer),
      attempted: state.attempted,
      solved: state.solved,
      hints: disclosure.hints ? hints : [],
      solution: disclosure.solution
        ? { correctAnswer: row.correctAnswer, explanation: row.solutionExplanation }
        : null,
    };
  };
