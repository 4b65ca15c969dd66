import type { Tx } from '../db/types.ts';
import type { Clock } from '../kernel/clock.ts';
import type { AwardedBadgeDto, ProgressNotificationDto } from './progress.schemas.ts';

/**
 * The post-attempt step: what happens inside the submit transaction once the attempt is written and the
 * progress cache updated — badges, points and the "Tu approches !" notification. The exercises feature
 * defines it and calls it; the gamification feature implements it. A plain function taking the
 * transaction (never a service method: no nested transaction, no network I/O).
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

export type PostAttemptStep = (
  tx: Tx,
  facts: AttemptFacts,
  deps: { clock: Clock },
) => Promise<PostAttemptOutcome>;

/** Until gamification plugs in: no badges, no notification. */
export const noopPostAttemptStep: PostAttemptStep = () =>
  Promise.resolve({ newBadges: [], progressNotification: null });
