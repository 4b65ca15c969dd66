/**
 * The logic challenge use cases (one file each; spec/api-rest-challenges-admin.md §3, api-rest-core
 * §6.3.11): catalogue, detail, hints, the attempt, the solved ids and the learner's progress.
 */
import type { CoreDeps } from '../kernel/deps.ts';
import { createAttemptAdmission } from '../progress/index.ts';
import { makeAttemptChallenge } from './attempt-challenge.ts';
import type { ChallengeDeps, ChallengeServiceOptions } from './challenge-deps.ts';
import { makeChallengeProgress } from './challenge-progress.ts';
import { makeCompletedChallengeIds } from './completed-ids.ts';
import { makeGetChallenge } from './get-challenge.ts';
import { makeGetHint } from './get-hint.ts';
import { makeListChallenges } from './list-challenges.ts';

export type { ChallengeServiceOptions } from './challenge-deps.ts';

export const makeChallengeService = (
  deps: Pick<CoreDeps, 'db' | 'log' | 'clock'>,
  options: ChallengeServiceOptions,
) => {
  const challengeDeps: ChallengeDeps = {
    db: deps.db,
    log: deps.log,
    clock: deps.clock,
    postAttemptStep: options.postAttemptStep,
    attemptAdmission: options.attemptAdmission ?? createAttemptAdmission(deps.db),
    random: options.random ?? Math.random,
  };
  return {
    list: makeListChallenges(challengeDeps),
    get: makeGetChallenge(challengeDeps),
    hint: makeGetHint(challengeDeps),
    attempt: makeAttemptChallenge(challengeDeps),
    completedIds: makeCompletedChallengeIds(challengeDeps),
    progress: makeChallengeProgress(challengeDeps),
  };
};

export type ChallengeService = ReturnType<typeof makeChallengeService>;
