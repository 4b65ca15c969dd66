import { mapPrismaError } from '../db/prisma-errors.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { challengeAttemptUserUpdate, recordAttemptEffects } from '../progress/index.ts';
import {
  CHALLENGE_ANSWER_MESSAGES,
  refusalOf,
  ZChallengeAnswer,
} from './answer-check/answer-check.schemas.ts';
import { isChallengeAnswerCorrect } from './answer-check/check-answer.ts';
import type { ChallengeDeps } from './challenge-deps.ts';
import {
  findChallengeAttemptByKey,
  insertChallengeAttemptWithEffects,
  lockUserAndFindChallenge,
  setChallengeAttemptSnapshot,
  type ChallengeAttemptByKeyRow,
} from './challenge.repo.ts';
import {
  CHALLENGE_MESSAGES,
  challengeTypeFromDb,
  clampHintsUsed,
  hintsFromJson,
  hintsRemaining,
} from './challenge.rules.ts';
import {
  challengeAttemptSnapshotOf,
  ZAttemptChallengeInput,
  ZChallengeAttemptSnapshot,
  type AttemptChallengeInput,
  type AttemptChallengeRequest,
  type ChallengeAttemptResultDto,
} from './challenge.schemas.ts';

/** Carries a stored response out of the transaction, which must roll back (see the use case). */
class IdempotentReplay extends Error {
  constructor(readonly row: ChallengeAttemptByKeyRow) {
    super('idempotent replay');
  }
}

const replayOf = (
  row: ChallengeAttemptByKeyRow,
  challengeId: number,
): ChallengeAttemptResultDto => {
  if (row.challengeId !== challengeId) {
    throw new AppError('CONFLICT', CHALLENGE_MESSAGES.idempotencyKeyReused, {
      legacy: { status: 409 },
    });
  }
  const parsed = ZChallengeAttemptSnapshot.safeParse(row.responseSnapshot);
  if (!parsed.success) {
    throw new AppError('INTERNAL', 'Stored idempotent response is unreadable.', {
      cause: parsed.error,
    });
  }
  return { ...parsed.data, replayed: true };
};

/**
 * The input, parsed: an answer the checker cannot take is refused with the checker's French message
 * (`Réponse requise`, not a text, too long, invalid characters), any other field with its own.
 */
const parseInput = (raw: AttemptChallengeInput): AttemptChallengeRequest => {
  const answer = ZChallengeAnswer.safeParse(raw.answer);
  if (!answer.success) {
    throw new AppError('INVALID_INPUT', CHALLENGE_ANSWER_MESSAGES[refusalOf(answer.error.issues)], {
      cause: answer.error,
      details: { field: 'answer' },
    });
  }
  const parsed = ZAttemptChallengeInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('INVALID_INPUT', issue?.message ?? 'Données invalides', {
      cause: parsed.error,
      details: { field: issue?.path.join('.') ?? null },
    });
  }
  return parsed.data;
};

/**
 * POST /api/challenges/{id}/attempt (§3.3), one transaction through the shared attempt write path
 * (progress/attempt-write-path.ts): the user row lock with the challenge (one statement); the attempt row,
 * the user's challenge counters and day streak and the challenge's own counters (its success rate) in one
 * statement, which also selects the post-attempt step's read; then the post-attempt step (badges on a
 * correct answer, the progress notification). Issue 17: BEGIN, 2 statements, COMMIT (+1 for an award), in a
 * `Database.sqlTransaction` like the exercise submit.
 * With an idempotency key a retry returns the first response instead of counting twice. The response
 * carries the solution only for a correct answer, and the hints left after an incorrect one.
 */
export const makeAttemptChallenge =
  (deps: ChallengeDeps) =>
  async (ctx: AuthedCtx, rawInput: AttemptChallengeInput): Promise<ChallengeAttemptResultDto> => {
    const prisma = deps.db.prisma;
    const input = parseInput(rawInput);
    const userId = ctx.actor.userId;
    const key = input.idempotencyKey ?? null;

    if (key !== null) {
      const earlier = await findChallengeAttemptByKey(prisma, userId, key);
      if (earlier) return replayOf(earlier, input.challengeId);
    }

    const now = deps.clock.now();

    try {
      // Admitted first: refused (503, nothing written) when the database cannot take it in time.
      const result = await deps.attemptAdmission.run(() =>
        deps.db.sqlTransaction(async (tx) => {
          // The user row lock first (a user's concurrent submissions run one after the other), with the
          // challenge in the same statement.
          const locked = await lockUserAndFindChallenge(
            tx,
            userId,
            input.challengeId,
            deps.postAttemptStep.lockedReadSql,
          );
          if (locked === null) throw new AppError('UNAUTHENTICATED', 'Authentification requise');
          const { challenge } = locked;
          if (challenge === null) throw new AppError('NOT_FOUND', CHALLENGE_MESSAGES.notFound);
          const isCorrect = isChallengeAnswerCorrect(challenge, input.answer);
          const hintCount = hintsFromJson(challenge.hints).length;
          const hintsUsed = clampHintsUsed(input.hintsUsed, hintCount);
          if (key !== null) {
            const earlier = await findChallengeAttemptByKey(tx, userId, key);
            if (earlier) throw new IdempotentReplay(earlier);
          }
          const written = await insertChallengeAttemptWithEffects(
            tx,
            {
              userId,
              challengeId: challenge.id,
              userSolution: input.answer,
              isCorrect,
              timeSpent: input.timeSpent,
              hintsUsed,
              idempotencyKey: key,
              createdAt: now,
            },
            {
              user: challengeAttemptUserUpdate({ userId, isCorrect, now }, locked.streak),
              select:
                deps.postAttemptStep.prefetchSql?.(
                  {
                    kind: 'challenge',
                    userId,
                    createdAt: now,
                    isCorrect,
                  },
                  locked.lockedRead,
                ) ?? null,
            },
          );
          const { attemptId } = written;
          const outcome = await recordAttemptEffects(
            tx,
            {
              kind: 'challenge',
              userId,
              attemptId,
              exerciseType: null,
              challengeType: challengeTypeFromDb(challenge.challengeType),
              isCorrect,
              timeSpentSeconds: input.timeSpent ?? 0,
              createdAt: now,
            },
            {
              ...(written.selected === undefined ? {} : { prefetched: written.selected }),
              postAttemptStep: deps.postAttemptStep,
              clock: deps.clock,
            },
          );
          const response = {
            attemptId,
            isCorrect,
            solution: isCorrect
              ? {
                  correctAnswer: challenge.correctAnswer,
                  explanation: challenge.solutionExplanation,
                }
              : null,
            newBadges: outcome.newBadges,
            progressNotification:
              outcome.newBadges.length > 0 ? null : outcome.progressNotification,
            hintsRemaining: isCorrect ? null : hintsRemaining(hintCount, hintsUsed),
          };
          if (key !== null) {
            await setChallengeAttemptSnapshot(tx, attemptId, challengeAttemptSnapshotOf(response));
          }
          return response;
        }),
      );
      ctx.log.info(
        {
          attemptId: result.attemptId,
          challengeId: input.challengeId,
          isCorrect: result.isCorrect,
        },
        'challenge attempt recorded',
      );
      return { ...result, replayed: false };
    } catch (err) {
      if (err instanceof IdempotentReplay) return replayOf(err.row, input.challengeId);
      const mapped = mapPrismaError(err);
      if (key !== null && mapped.code === 'CONFLICT') {
        // Lost a race on the unique (user_id, idempotency_key) index: the winner's response is the answer.
        const earlier = await findChallengeAttemptByKey(prisma, userId, key);
        if (earlier) return replayOf(earlier, input.challengeId);
      }
      throw mapped;
    }
  };
