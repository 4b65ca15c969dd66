import { insertAuditEntry, summariseChanges, toAuditJson } from '../audit/index.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { categoryToDb, tierToDb, toAdminBadgeDto } from './admin-badge.mapping.ts';
import { lockAdminBadge, updateAdminBadge } from './admin-badge.repo.ts';
import { ADMIN_BADGE_FIELD_KEYS, ADMIN_BADGE_MESSAGES } from './admin-badge.rules.ts';
import {
  ZAdminUpdateBadgeInput,
  type AdminBadgeWithCountDto,
  type AdminUpdateBadgeInput,
} from './admin-badge.schemas.ts';

type Field = keyof typeof ADMIN_BADGE_FIELD_KEYS;
const FIELDS = Object.keys(ADMIN_BADGE_FIELD_KEYS) as Field[];

/**
 * PUT /api/admin/badges/{id} (§6.9): a partial update (the code is immutable; `{is_active: true}`
 * reactivates), recorded as `badge_update`. The next badge evaluation reads the new values.
 */
export const makeAdminUpdateBadge =
  (deps: Pick<CoreDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: AdminUpdateBadgeInput): Promise<AdminBadgeWithCountDto> => {
    const admin = requireAdmin(ctx);
    const { badgeId, ...data } = parseAdminInput(ZAdminUpdateBadgeInput, input);
    const sent = FIELDS.filter((f) => data[f] !== undefined);
    const now = deps.clock.now();
    return deps.db.prisma.$transaction(async (tx) => {
      const beforeRow = await lockAdminBadge(tx, badgeId);
      if (!beforeRow) throw new AppError('NOT_FOUND', ADMIN_BADGE_MESSAGES.notFound);
      const { category, difficulty, requirements, ...plain } = data;
      const afterRow = await updateAdminBadge(tx, badgeId, {
        ...plain,
        ...(category === undefined ? {} : { category: categoryToDb(category) }),
        ...(difficulty === undefined ? {} : { tier: tierToDb(difficulty) }),
        ...(requirements === undefined || requirements === null ? {} : { requirements }),
      });
      const before = toAdminBadgeDto(beforeRow);
      const after = toAdminBadgeDto(afterRow);
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'badge_update',
          resourceType: 'achievement',
          resourceId: badgeId,
          details: {
            fields: sent.map((f) => ADMIN_BADGE_FIELD_KEYS[f]),
            changes: toAuditJson(summariseChanges(before, after, sent)),
          },
        },
        now,
      );
      return after;
    });
  };
