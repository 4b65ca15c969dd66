import { mapPrismaError } from '../db/prisma-errors.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import {
  exerciseAttemptUserUpdate,
  exerciseProgressUpsert,
  recordAttemptEffects,
} from '../progress/index.ts';
import type { ExerciseDeps } from './exercise-deps.ts';
import { answerKindFromDb } from './exercise.mapping.ts';
import {
  findAttemptByKey,
  insertAttemptWithEffects,
  lockUserAndFindExercise,
  setAttemptSnapshot,
  type AttemptByKeyRow,
} from './exercise.repo.ts';
import { EXERCISE_MESSAGES } from './exercise.rules.ts';
import {
  snapshotOf,
  ZSubmitAnswerInput,
  ZSubmitAnswerSnapshot,
  type SubmitAnswerInput,
  type SubmitAnswerResultDto,
} from './exercise.schemas.ts';
import { checkAnswer } from './generator/index.ts';

/** Carries a stored response out of the transaction, which must roll back (see submit). */
class IdempotentReplay extends Error {
  constructor(readonly row: AttemptByKeyRow) {
    super('idempotent replay');
  }
}

const replayOf = (row: AttemptByKeyRow, exerciseId: number): SubmitAnswerResultDto => {
  if (row.exerciseId !== exerciseId) {
    throw new AppError('CONFLICT', EXERCISE_MESSAGES.idempotencyKeyReused, {
      legacy: { status: 409 },
    });
  }
  const parsed = ZSubmitAnswerSnapshot.safeParse(row.responseSnapshot);
  if (!parsed.success) {
    throw new AppError('INTERNAL', 'Stored idempotent response is unreadable.', {
      cause: parsed.error,
    });
  }
  return { ...parsed.data, replayed: true };
};

/**
 * POST /api/exercises/{id}/attempt, one transaction in the spec's order (§4.1–4.4, §8.1): validate, check
 * the answer, write the attempt and update the progress cache and user counters, run the post-attempt
 * step (badges, points, notification), then the day streak. With an idempotency key, a retry returns the
 * first response instead of counting twice (the user row lock serialises a user's submissions; the
 * unique (user_id, idempotency_key) index is the backstop).
 *
 * Statements (issue 17): BEGIN; the user row lock with the exercise; the attempt with the progress cache,
 * the user counters, the day streak and the post-attempt step's snapshot (its award when a badge is met);
 * COMMIT. The transaction is a `Database.sqlTransaction` (no Prisma interactive transaction: the hot path),
 * so every statement in it is a `Prisma.sql` through `SqlQueryable`.
 */
export const makeSubmitAnswer =
  (deps: ExerciseDeps) =>
  async (ctx: AuthedCtx, rawInput: SubmitAnswerInput): Promise<SubmitAnswerResultDto> => {
    const prisma = deps.db.prisma;
    const parsed = ZSubmitAnswerInput.safeParse(rawInput);
    if (!parsed.success) {
      throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Données invalides', {
        cause: parsed.error,
        details: { field: parsed.error.issues[0]?.path.join('.') ?? null },
      });
    }
    const input = parsed.data;
    const userId = ctx.actor.userId;
    const key = input.idempotencyKey ?? null;

    if (key !== null) {
      const earlier = await findAttemptByKey(prisma, userId, key);
      if (earlier) return replayOf(earlier, input.exerciseId);
    }

    const now = deps.clock.now();

    try {
      // Admitted first: refused (503, nothing written) when the database cannot take it in time.
      const result = await deps.attemptAdmission.run(() =>
        deps.db.sqlTransaction(async (tx) => {
          // The user row lock first (a user's concurrent submissions run one after the other), with the
          // exercise in the same statement.
          const locked = await lockUserAndFindExercise(
            tx,
            userId,
            input.exerciseId,
            deps.postAttemptStep.lockedReadSql,
          );
          if (locked === null) throw new AppError('UNAUTHENTICATED', 'Authentification requise');
          const { exercise } = locked;
          if (exercise === null) throw new AppError('NOT_FOUND', EXERCISE_MESSAGES.notFound);
          if (exercise.correctAnswer.trim() === '') {
            throw new AppError('INTERNAL', EXERCISE_MESSAGES.noCorrectAnswer);
          }
          const isCorrect = checkAnswer(
            answerKindFromDb(exercise.answerKind),
            exercise.correctAnswer,
            input.answer,
            exercise.generationParams ?? undefined,
          );
          if (key !== null) {
            const earlier = await findAttemptByKey(tx, userId, key);
            if (earlier) throw new IdempotentReplay(earlier);
          }
          // The attempt row, the progress cache, the user counters and the day streak in one statement
          // (first correct answer decided there), which also selects the post-attempt step's read.
          const written = await insertAttemptWithEffects(
            tx,
            {
              userId,
              exerciseId: exercise.id,
              userAnswer: input.answer,
              isCorrect,
              timeSpent: input.timeSpent,
              idempotencyKey: key,
              createdAt: now,
            },
            {
              progress: (solvedSql) =>
                exerciseProgressUpsert({
                  userId,
                  exerciseType: exercise.exerciseType,
                  isCorrect,
                  timeSpent: input.timeSpent,
                  newlySolved: solvedSql,
                  now,
                }),
              user: exerciseAttemptUserUpdate({ userId, isCorrect, now }, locked.streak),
              select: (progressRow) =>
                deps.postAttemptStep.prefetchSql?.(
                  {
                    kind: 'exercise',
                    userId,
                    createdAt: now,
                    exerciseType: exercise.exerciseType,
                    isCorrect,
                    timeSpentSeconds: input.timeSpent,
                    progressRow,
                  },
                  locked.lockedRead,
                ) ?? null,
            },
          );
          const { attemptId } = written;
          const outcome = await recordAttemptEffects(
            tx,
            {
              kind: 'exercise',
              userId,
              attemptId,
              exerciseType: exercise.exerciseType,
              challengeType: null,
              isCorrect,
              timeSpentSeconds: input.timeSpent,
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
            correctAnswer: exercise.correctAnswer,
            explanation: exercise.explanation ?? '',
            newBadges: outcome.newBadges,
            progressNotification:
              outcome.newBadges.length > 0 ? null : outcome.progressNotification,
          };
          if (key !== null) await setAttemptSnapshot(tx, attemptId, snapshotOf(response));
          return response;
        }),
      );
      ctx.log.info(
        { attemptId: result.attemptId, exerciseId: input.exerciseId, isCorrect: result.isCorrect },
        'exercise attempt recorded',
      );
      return { ...result, replayed: false };
    } catch (err) {
      if (err instanceof IdempotentReplay) return replayOf(err.row, input.exerciseId);
      const mapped = mapPrismaError(err);
      if (key !== null && mapped.code === 'CONFLICT') {
        // Lost a race on the unique (user_id, idempotency_key) index: the winner's response is the answer.
        const earlier = await findAttemptByKey(prisma, userId, key);
        if (earlier) return replayOf(earlier, input.exerciseId);
      }
      throw mapped;
    }
  };
