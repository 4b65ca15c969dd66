import { insertAuditEntry } from '../audit/index.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { lockAdminBadge, updateAdminBadge } from './admin-badge.repo.ts';
import { ADMIN_BADGE_MESSAGES } from './admin-badge.rules.ts';
import {
  ZBadgeIdInput,
  type AdminDeleteBadgeDto,
  type BadgeIdInput,
} from './admin-badge.schemas.ts';

/**
 * DELETE /api/admin/badges/{id} (§6.9): a soft delete (`is_active = false`): no longer awarded, listed
 * or shown as available; the badges users hold are kept. The `badge_delete` entry counts them.
 */
export const makeAdminDeleteBadge =
  (deps: Pick<CoreDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: BadgeIdInput): Promise<AdminDeleteBadgeDto> => {
    const admin = requireAdmin(ctx);
    const { badgeId } = parseAdminInput(ZBadgeIdInput, input);
    const now = deps.clock.now();
    return deps.db.prisma.$transaction(async (tx) => {
      const before = await lockAdminBadge(tx, badgeId);
      if (!before) throw new AppError('NOT_FOUND', ADMIN_BADGE_MESSAGES.notFound);
      const row = await updateAdminBadge(tx, badgeId, { isActive: false });
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'badge_delete',
          resourceType: 'achievement',
          resourceId: badgeId,
          details: { soft: true, user_count: row._count.awards },
        },
        now,
      );
      return {
        id: row.id,
        code: row.code,
        name: row.name,
        isActive: false,
        message: ADMIN_BADGE_MESSAGES.deleted,
      };
    });
  };
