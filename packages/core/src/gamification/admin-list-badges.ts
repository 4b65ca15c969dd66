import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { toAdminBadgeDto } from './admin-badge.mapping.ts';
import { findAdminBadge, findAllBadges } from './admin-badge.repo.ts';
import { ADMIN_BADGE_MESSAGES } from './admin-badge.rules.ts';
import {
  ZBadgeIdInput,
  type AdminBadgeListDto,
  type AdminBadgeWithCountDto,
  type BadgeIdInput,
} from './admin-badge.schemas.ts';

const NULLS_LAST = '\uffff';

/** GET /api/admin/badges (§6.9): every badge, active or not, by category then code, with holders. */
export const makeAdminListBadges =
  (deps: Pick<CoreDeps, 'db'>) =>
  async (ctx: Ctx): Promise<AdminBadgeListDto> => {
    requireAdmin(ctx);
    const rows = await findAllBadges(deps.db.prisma);
    const key = (category: string | null) => category ?? NULLS_LAST;
    return rows
      .map(toAdminBadgeDto)
      .sort((a, b) =>
        key(a.category) === key(b.category)
          ? a.code < b.code
            ? -1
            : a.code > b.code
              ? 1
              : 0
          : key(a.category) < key(b.category)
            ? -1
            : 1,
      );
  };

/** GET /api/admin/badges/{id} (§6.9). */
export const makeAdminGetBadge =
  (deps: Pick<CoreDeps, 'db'>) =>
  async (ctx: Ctx, input: BadgeIdInput): Promise<AdminBadgeWithCountDto> => {
    requireAdmin(ctx);
    const { badgeId } = parseAdminInput(ZBadgeIdInput, input);
    const row = await findAdminBadge(deps.db.prisma, badgeId);
    if (!row) throw new AppError('NOT_FOUND', ADMIN_BADGE_MESSAGES.notFound);
    return toAdminBadgeDto(row);
  };
