import { insertAuditEntry } from '../audit/index.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { categoryToDb, tierToDb, toAdminBadgeDto } from './admin-badge.mapping.ts';
import { badgeCodeExists, insertAdminBadge } from './admin-badge.repo.ts';
import { ADMIN_BADGE_MESSAGES } from './admin-badge.rules.ts';
import {
  ZAdminCreateBadgeInput,
  type AdminBadgeWithCountDto,
  type AdminCreateBadgeInput,
} from './admin-badge.schemas.ts';

/**
 * POST /api/admin/badges (§6.9): active at once; the badge engine reads the active catalogue at every
 * evaluation, so the next submission can award it. Saved with its `badge_create` entry.
 */
export const makeAdminCreateBadge =
  (deps: Pick<CoreDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: AdminCreateBadgeInput): Promise<AdminBadgeWithCountDto> => {
    const admin = requireAdmin(ctx);
    const data = parseAdminInput(ZAdminCreateBadgeInput, input);
    const now = deps.clock.now();
    return deps.db.prisma.$transaction(async (tx) => {
      if (await badgeCodeExists(tx, data.code)) {
        throw new AppError('ALREADY_EXISTS', ADMIN_BADGE_MESSAGES.codeExists(data.code));
      }
      const row = await insertAdminBadge(tx, {
        code: data.code,
        name: data.name,
        description: data.description ?? null,
        iconUrl: data.iconUrl ?? null,
        category: categoryToDb(data.category ?? null),
        tier: tierToDb(data.difficulty === undefined ? 'bronze' : data.difficulty),
        pointsReward: data.pointsReward,
        isSecret: data.isSecret,
        requirements: data.requirements ?? {},
        starWarsTitle: data.starWarsTitle ?? null,
        isActive: true,
        createdAt: now,
      });
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'badge_create',
          resourceType: 'achievement',
          resourceId: row.id,
          details: { code: row.code, name: row.name },
        },
        now,
      );
      return toAdminBadgeDto(row);
    });
  };
