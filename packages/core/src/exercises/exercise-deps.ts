import type { Logger } from 'pino';

import type { Database } from '../db/types.ts';
import type { Clock } from '../kernel/clock.ts';
import type { AttemptAdmission, PostAttemptStep } from '../progress/index.ts';
import type { SettingsService } from '../settings/index.ts';

export interface ExerciseServiceOptions {
  /** Badges, points and the progress notification (the gamification feature); no-op until wired. */
  postAttemptStep: PostAttemptStep;
  /** Admission of the submit transactions, shared with the challenge attempt (one is made when absent). */
  attemptAdmission?: AttemptAdmission;
  /** The cached settings: `max_generations_per_user_per_hour` caps saved generations. */
  settings: Pick<SettingsService, 'maxGenerationsPerUserPerHour'>;
  /** Seed of each generated exercise (tests pass fixed seeds). */
  newSeed?: () => number;
  /** Index of the quote of the day, in [0, n) (tests pin it). */
  pickQuote?: (n: number) => number;
}

/** What every exercise use case receives: the process-wide dependencies and the resolved options. */
export interface ExerciseDeps {
  db: Database;
  log: Logger;
  clock: Clock;
  postAttemptStep: PostAttemptStep;
  attemptAdmission: AttemptAdmission;
  settings: Pick<SettingsService, 'maxGenerationsPerUserPerHour'>;
  newSeed: () => number;
  pickQuote: (n: number) => number;
}
