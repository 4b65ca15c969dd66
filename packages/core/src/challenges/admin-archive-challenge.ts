import { insertAuditEntry } from '../audit/index.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { lockAdminChallenge, updateAdminChallenge } from './admin-challenge.repo.ts';
import { ADMIN_CHALLENGE_MESSAGES } from './admin-challenge.rules.ts';
import {
  ZAdminArchiveChallengeInput,
  type AdminArchiveChallengeDto,
  type AdminArchiveChallengeInput,
} from './admin-challenge.schemas.ts';

/** PATCH /api/admin/challenges/{id} (§6.8): archive or restore, with its `challenge_archive` entry. */
export const makeAdminArchiveChallenge =
  (deps: Pick<CoreDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: AdminArchiveChallengeInput): Promise<AdminArchiveChallengeDto> => {
    const admin = requireAdmin(ctx);
    const { challengeId, isArchived } = parseAdminInput(ZAdminArchiveChallengeInput, input);
    const now = deps.clock.now();
    return deps.db.prisma.$transaction(async (tx) => {
      const before = await lockAdminChallenge(tx, challengeId);
      if (!before) throw new AppError('NOT_FOUND', ADMIN_CHALLENGE_MESSAGES.notFound);
      const row = await updateAdminChallenge(tx, challengeId, { isArchived, updatedAt: now });
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'challenge_archive',
          resourceType: 'challenge',
          resourceId: challengeId,
          details: { is_archived: isArchived },
        },
        now,
      );
      return { id: row.id, title: row.title, isArchived: row.isArchived };
    });
  };
