/**
 * The admin logic-challenge use cases (api-rest-challenges-admin §6.8), one file each: list, detail,
 * create, update, archive, duplicate. Administrators only; every mutation writes its audit entry in its
 * own transaction.
 */
import type { CoreDeps } from '../kernel/deps.ts';
import { makeAdminArchiveChallenge } from './admin-archive-challenge.ts';
import { makeAdminCreateChallenge } from './admin-create-challenge.ts';
import { makeAdminDuplicateChallenge } from './admin-duplicate-challenge.ts';
import { makeAdminGetChallenge, makeAdminListChallenges } from './admin-list-challenges.ts';
import { makeAdminUpdateChallenge } from './admin-update-challenge.ts';

export const makeAdminChallengeService = (deps: Pick<CoreDeps, 'db' | 'clock'>) => ({
  list: makeAdminListChallenges(deps),
  get: makeAdminGetChallenge(deps),
  create: makeAdminCreateChallenge(deps),
  update: makeAdminUpdateChallenge(deps),
  archive: makeAdminArchiveChallenge(deps),
  duplicate: makeAdminDuplicateChallenge(deps),
});

export type AdminChallengeService = ReturnType<typeof makeAdminChallengeService>;
