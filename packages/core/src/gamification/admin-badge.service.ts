/**
 * The admin badge use cases (api-rest-challenges-admin §6.9), one file each: list, detail, create,
 * update, soft delete. Administrators only; every mutation writes its audit entry in its own
 * transaction. No catalogue cache to refresh: the badge engine reads the active badges at every
 * evaluation (badge.engine.ts), so a change applies to the next submission.
 */
import type { CoreDeps } from '../kernel/deps.ts';
import { makeAdminCreateBadge } from './admin-create-badge.ts';
import { makeAdminDeleteBadge } from './admin-delete-badge.ts';
import { makeAdminGetBadge, makeAdminListBadges } from './admin-list-badges.ts';
import { makeAdminUpdateBadge } from './admin-update-badge.ts';

export const makeAdminBadgeService = (deps: Pick<CoreDeps, 'db' | 'clock'>) => ({
  list: makeAdminListBadges(deps),
  get: makeAdminGetBadge(deps),
  create: makeAdminCreateBadge(deps),
  update: makeAdminUpdateBadge(deps),
  delete: makeAdminDeleteBadge(deps),
});

export type AdminBadgeService = ReturnType<typeof makeAdminBadgeService>;
