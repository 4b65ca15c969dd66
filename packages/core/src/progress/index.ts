// The learning-loop write path and the learner's progress: THE definition of activity and the day streak,
// the post-attempt step contract (implemented by gamification), the progress cache and the user counters
// every submit writes, and the progress read. Public surface of the feature.
export { makeProgressService, type ProgressService } from './progress.service.ts';
export * from './progress.schemas.ts';
export * from './activity.rules.ts';
export {
  noopPostAttemptStep,
  type AttemptFacts,
  type PendingAttempt,
  type PendingChallengeAttempt,
  type PendingExerciseAttempt,
  type PostAttemptOutcome,
  type PostAttemptStep,
} from './post-attempt.ts';
export {
  ATTEMPT_QUEUE_MAX,
  createAttemptAdmission,
  type AttemptAdmission,
} from './attempt-admission.ts';
export {
  challengeAttemptUserUpdate,
  exerciseAttemptUserUpdate,
  exerciseProgressUpsert,
  lockUserForAttemptSql,
  prefetchedColumnsSql,
  streakStateOf,
  type LockedUserColumns,
  recordAttemptEffects,
  type AttemptEffectsOptions,
} from './attempt-write-path.ts';
