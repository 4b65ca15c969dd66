import { insertAuditEntry } from '../audit/index.ts';
import { Prisma } from '../db/generated/client.ts';
import { copyTitle } from '../exercises/index.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { toAdminChallengeDto } from './admin-challenge.mapping.ts';
import { findAdminChallenge, insertAdminChallenge } from './admin-challenge.repo.ts';
import { ADMIN_CHALLENGE_MESSAGES } from './admin-challenge.rules.ts';
import type { AdminChallengeDto } from './admin-challenge.schemas.ts';
import { ZChallengeIdInput, type ChallengeIdInput } from './challenge.schemas.ts';

/**
 * POST /api/admin/challenges/{id}/duplicate (§6.8): a copy titled « … (copie) » with the content, the
 * flags and the difficulty fields; not archived; no creator, generation parameters, statistics, views,
 * template flag or source. The `challenge_duplicate` entry names the copy.
 */
export const makeAdminDuplicateChallenge =
  (deps: Pick<CoreDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: ChallengeIdInput): Promise<AdminChallengeDto> => {
    const admin = requireAdmin(ctx);
    const { challengeId } = parseAdminInput(ZChallengeIdInput, input);
    const now = deps.clock.now();
    return deps.db.prisma.$transaction(async (tx) => {
      const original = await findAdminChallenge(tx, challengeId);
      if (!original) throw new AppError('NOT_FOUND', ADMIN_CHALLENGE_MESSAGES.notFound);
      const {
        id: _id,
        createdAt: _c,
        updatedAt: _u,
        choices,
        visualData,
        hints,
        ...content
      } = original;
      const copy = await insertAdminChallenge(tx, {
        ...content,
        title: copyTitle(original.title),
        choices: choices ?? Prisma.DbNull,
        visualData: visualData ?? Prisma.DbNull,
        hints: hints ?? Prisma.DbNull,
        isArchived: false,
        createdAt: now,
        updatedAt: now,
      });
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'challenge_duplicate',
          resourceType: 'challenge',
          resourceId: copy.id,
          details: { from_id: challengeId, title: copy.title },
        },
        now,
      );
      return toAdminChallengeDto(copy);
    });
  };
