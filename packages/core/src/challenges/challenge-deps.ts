import type { Logger } from 'pino';

import type { Database } from '../db/types.ts';
import type { Clock } from '../kernel/clock.ts';
import type { AttemptAdmission, PostAttemptStep } from '../progress/index.ts';

export interface ChallengeServiceOptions {
  /** Badges, points and the progress notification (the gamification feature). */
  postAttemptStep: PostAttemptStep;
  /** Admission of the submit transactions, shared with the exercise submit (one is made when absent). */
  attemptAdmission?: AttemptAdmission;
  /** Source of [0, 1) numbers for the random list order (tests pin it). */
  random?: () => number;
}

/** What every challenge use case receives: the process-wide dependencies and the resolved options. */
export interface ChallengeDeps {
  db: Database;
  log: Logger;
  clock: Clock;
  postAttemptStep: PostAttemptStep;
  attemptAdmission: AttemptAdmission;
  random: () => number;
}
