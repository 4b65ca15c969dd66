import type { FeedbackStatus, FeedbackType } from '../db/generated/client.ts';
import { mapPrismaError } from '../db/prisma-errors.ts';
import type { AuthedCtx, CoreDeps } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { RateLimitService } from '../rate-limit/index.ts';
import { challengeExists, exerciseExists, insertFeedback } from './feedback.repo.ts';
import {
  FEEDBACK_MESSAGES,
  type CreateFeedbackData,
  type FeedbackDto,
  type FeedbackStatusName,
  type FeedbackTypeName,
} from './feedback.schemas.ts';

export interface FeedbackDeps extends Pick<CoreDeps, 'db' | 'clock'> {
  rateLimits: Pick<RateLimitService, 'consume'>;
}

const TO_DB: Record<FeedbackTypeName, FeedbackType> = {
  exercise: 'EXERCISE',
  challenge: 'CHALLENGE',
  ui: 'UI',
  other: 'OTHER',
};
const STATUS: Record<FeedbackStatus, FeedbackStatusName> = {
  NEW: 'new',
  READ: 'read',
  RESOLVED: 'resolved',
};
const FROM_DB: Record<FeedbackType, FeedbackTypeName> = {
  EXERCISE: 'exercise',
  CHALLENGE: 'challenge',
  UI: 'ui',
  OTHER: 'other',
};

const isDbId = (id: number) => Number.isInteger(id) && id >= 1 && id <= 2_147_483_647;

/**
 * POST /api/feedback: a report with status `new`, from the caller (per-user rate limit first), linked to
 * the exercise / challenge it names, which must exist (else 404 and nothing written).
 */
export const makeCreateFeedback =
  (deps: FeedbackDeps) =>
  async (ctx: AuthedCtx, input: CreateFeedbackData): Promise<FeedbackDto> => {
    const userId = ctx.actor.userId;
    await deps.rateLimits.consume('feedback', String(userId));
    const prisma = deps.db.prisma;
    const { exerciseId, challengeId } = input;
    if (exerciseId !== null && !(isDbId(exerciseId) && (await exerciseExists(prisma, exerciseId))))
      throw new AppError('NOT_FOUND', FEEDBACK_MESSAGES.exerciseNotFound);
    if (
      challengeId !== null &&
      !(isDbId(challengeId) && (await challengeExists(prisma, challengeId)))
    )
      throw new AppError('NOT_FOUND', FEEDBACK_MESSAGES.challengeNotFound);
    try {
      const row = await insertFeedback(prisma, {
        userId,
        feedbackType: TO_DB[input.feedbackType],
        description: input.description,
        pageUrl: input.pageUrl,
        exerciseId,
        challengeId,
        createdAt: deps.clock.now(),
      });
      return { ...row, feedbackType: FROM_DB[row.feedbackType], status: STATUS[row.status] };
    } catch (err) {
      // The exercise or challenge was deleted since the check (foreign key): nothing was written.
      throw mapPrismaError(err, {
        constraintCode: 'CONFLICT',
        constraintMessage:
          exerciseId !== null
            ? FEEDBACK_MESSAGES.exerciseNotFound
            : FEEDBACK_MESSAGES.challengeNotFound,
      });
    }
  };
