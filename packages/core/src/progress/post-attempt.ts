import type { Prisma } from '../db/generated/client.ts';
import type { SqlQueryable } from '../db/types.ts';
import type { Clock } from '../kernel/clock.ts';
import type { AwardedBadgeDto, ProgressNotificationDto } from './progress.schemas.ts';

/**
 * The post-attempt step: what happens inside the submit transaction once the attempt is written and the
 * progress cache updated — badges, points and the "Tu approches !" notification. The exercises feature
 * defines it and calls it; the gamification feature implements it. A plain function taking the
 * transaction (never a service method: no nested transaction, no network I/O), whose statements are
 * `Prisma.sql` (the submit transactions are `Database.sqlTransaction`s).
 */
export interface AttemptFacts {
  kind: 'exercise' | 'challenge';
  userId: number;
  attemptId: number;
  /** Uppercase exercise type (`ADDITION`…) for exercise attempts, null for challenges. */
  exerciseType: string | null;
  /** Challenge type for challenge attempts, null for exercises. */
  challengeType: string | null;
  isCorrect: boolean;
  /** Seconds the learner declared (0 when unknown). */
  timeSpentSeconds: number;
  /** Business time of the attempt (from the injected clock). */
  createdAt: Date;
}

export interface PostAttemptOutcome {
  newBadges: AwardedBadgeDto[];
  progressNotification: ProgressNotificationDto | null;
}

/**
 * An attempt being written by the statement that selects the step's prefetched read (see
 * `PostAttemptStep.prefetchSql`): that read does not see the statement's own writes, so it is told about
 * the attempt.
 */
export interface PendingExerciseAttempt {
  kind: 'exercise';
  userId: number;
  createdAt: Date;
  /** Uppercase exercise type (`ADDITION`…). */
  exerciseType: string;
  isCorrect: boolean;
  timeSpentSeconds: number;
  /**
   * A subquery of the statement giving the attempt's progress-cache row as the statement writes it:
   * `exercise_type`, `total_attempts`, `correct_attempts`, `current_correct_streak`.
   */
  progressRow: Prisma.Sql;
}

export interface PendingChallengeAttempt {
  kind: 'challenge';
  userId: number;
  createdAt: Date;
  isCorrect: boolean;
}

export type PendingAttempt = PendingExerciseAttempt | PendingChallengeAttempt;

export type PostAttemptStep = ((
  tx: SqlQueryable,
  facts: AttemptFacts,
  deps: {
    clock: Clock;
    /** The columns `prefetchSql` selected in the attempt statement, when the caller used it. */
    prefetched?: Readonly<Record<string, unknown>>;
  },
) => Promise<PostAttemptOutcome>) & {
  /**
   * Optional: what the step reads, as a one-row subquery the attempt statement selects, which
   * saves the step its own read (one round trip). Null when the step cannot say it in advance. The step
   * checks the columns it gets back and reads by itself when they no longer apply. `lockedRead` is the
   * value of `lockedReadSql` when the caller's lock statement selected it.
   */
  readonly prefetchSql?: (pending: PendingAttempt, lockedRead?: unknown) => Prisma.Sql | null;
  /**
   * Optional: one value the step reads in the caller's first statement, the user row lock (an
   * expression over the locked row `u`), handed to `prefetchSql`: what the attempt statement needs to
   * know before it is built.
   */
  readonly lockedReadSql?: Prisma.Sql;
};

/** Until gamification plugs in: no badges, no notification. */
export const noopPostAttemptStep: PostAttemptStep = () =>
  Promise.resolve({ newBadges: [], progressNotification: null });
