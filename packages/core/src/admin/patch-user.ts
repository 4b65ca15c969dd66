import { insertAuditEntry, summariseChanges, toAuditJson } from '../audit/index.ts';
import type { UserRole } from '../db/generated/client.ts';
import { mapPrismaError } from '../db/prisma-errors.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { AdminDeps } from './admin-deps.ts';
import { parseAdminInput } from './admin-input.ts';
import { findAdminUser, updateUserFlags } from './admin.repo.ts';
import {
  ADMIN_MESSAGES,
  ZAdminPatchUserInput,
  type AdminPatchedUserDto,
  type AdminPatchUserInput,
} from './admin.schemas.ts';
import { toAdminUserDto } from './list-users.ts';

/**
 * §6.4: activate / deactivate and change the role. The self-protection rules run before the existence
 * check; the change and its `user_patch` entry commit together; the user's cached sessions are dropped
 * after the commit, so a deactivation or a new role applies on the user's next request.
 */
export const makePatchUser =
  (deps: Pick<AdminDeps, 'db' | 'clock' | 'accounts'>) =>
  async (ctx: Ctx, input: AdminPatchUserInput): Promise<AdminPatchedUserDto> => {
    const admin = requireAdmin(ctx);
    const patch = parseAdminInput(ZAdminPatchUserInput, input);
    if (patch.userId === admin.actor.userId) {
      if (patch.isActive === false)
        throw new AppError('INVALID_INPUT', ADMIN_MESSAGES.selfDeactivate);
      if (patch.role !== undefined && patch.role !== 'archiviste') {
        throw new AppError('INVALID_INPUT', ADMIN_MESSAGES.selfDemote);
      }
    }
    const now = deps.clock.now();
    const updated = await deps.db.prisma
      .$transaction(async (tx) => {
        const before = await findAdminUser(tx, patch.userId);
        if (!before) throw new AppError('NOT_FOUND', ADMIN_MESSAGES.userNotFound);
        const row = await updateUserFlags(
          tx,
          patch.userId,
          {
            ...(patch.isActive === undefined ? {} : { isActive: patch.isActive }),
            ...(patch.role === undefined ? {} : { role: patch.role.toUpperCase() as UserRole }),
          },
          now,
        );
        await insertAuditEntry(
          tx,
          admin.actor.userId,
          {
            action: 'user_patch',
            resourceType: 'user',
            resourceId: row.id,
            details: {
              is_active: patch.isActive ?? null,
              role: patch.rawRole ?? null,
              changes: toAuditJson(
                summariseChanges(
                  { is_active: before.isActive, role: before.role.toLowerCase() },
                  { is_active: row.isActive, role: row.role.toLowerCase() },
                ),
              ),
            },
          },
          now,
        );
        return row;
      })
      .catch((err: unknown) => {
        throw mapPrismaError(err, { notFoundMessage: ADMIN_MESSAGES.userNotFound });
      });
    deps.accounts.dropUserSessions(updated.id);
    const dto = toAdminUserDto(updated);
    return { id: dto.id, username: dto.username, isActive: dto.isActive, role: dto.role };
  };
