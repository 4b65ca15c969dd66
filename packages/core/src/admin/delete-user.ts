import { insertAuditEntry } from '../audit/index.ts';
import { mapPrismaError } from '../db/prisma-errors.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { AdminDeps } from './admin-deps.ts';
import { parseAdminInput } from './admin-input.ts';
import { deleteUserRow, findAdminUser } from './admin.repo.ts';
import {
  ADMIN_MESSAGES,
  ZAdminUserIdInput,
  type AdminMessageDto,
  type AdminUserIdInput,
} from './admin.schemas.ts';

/**
 * upstream-v36 §14: the hard delete. The user's own rows go (attempts, progress, sessions, badges);
 * what other users rely on stays: content the user authored loses its author, other users' attempts on it
 * survive, feedback reports and audit entries lose the user id. The `user_delete` entry commits with it.
 */
export const makeDeleteUser =
  (deps: Pick<AdminDeps, 'db' | 'clock' | 'accounts'>) =>
  async (ctx: Ctx, input: AdminUserIdInput): Promise<AdminMessageDto> => {
    const admin = requireAdmin(ctx);
    const { userId } = parseAdminInput(ZAdminUserIdInput, input);
    if (userId === admin.actor.userId) {
      throw new AppError('INVALID_INPUT', ADMIN_MESSAGES.selfDelete);
    }
    const now = deps.clock.now();
    await deps.db.prisma
      .$transaction(async (tx) => {
        const user = await findAdminUser(tx, userId);
        if (!user) throw new AppError('NOT_FOUND', ADMIN_MESSAGES.userNotFound);
        await insertAuditEntry(
          tx,
          admin.actor.userId,
          {
            action: 'user_delete',
            resourceType: 'user',
            resourceId: userId,
            details: { username: user.username },
          },
          now,
        );
        await deleteUserRow(tx, userId);
      })
      .catch((err: unknown) => {
        throw mapPrismaError(err, { notFoundMessage: ADMIN_MESSAGES.userNotFound });
      });
    deps.accounts.dropUserSessions(userId);
    ctx.log.info({ userId }, 'user deleted by an administrator');
    return { message: ADMIN_MESSAGES.userDeleted };
  };
