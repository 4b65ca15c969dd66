import type { AuthedCtx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { AccountMail } from './account-mail.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { makeChangePassword } from './change-password.ts';
import { deleteAccountById, makeDeleteAccount } from './delete-account.ts';
import { makeEnsureAdmin } from './ensure-admin.ts';
import { makeExportData } from './export-data.ts';
import { makeListSessions } from './list-sessions.ts';
import { makeRegister } from './register.ts';
import { makeRevokeSession } from './revoke-session.ts';
import { makeUpdateProfile } from './update-profile.ts';
import { findUserProfile, toUserProfileDto } from './user.repo.ts';
import { USER_MESSAGES, type UserProfileDto } from './user.schemas.ts';

/**
 * Account use cases (one file each): registration, profile read and update, password change, deletion,
 * GDPR export, sessions, the first administrator.
 */
export const makeUserService = (deps: AccountsDeps, mail: AccountMail) => {
  const loadProfile = async (userId: number): Promise<UserProfileDto> => {
    const row = await findUserProfile(deps.db.prisma, userId);
    if (!row) throw new AppError('NOT_FOUND', USER_MESSAGES.notFound);
    return toUserProfileDto(row, deps.clock.now(), deps.config.auth.unverifiedGraceMinutes);
  };

  return {
    register: makeRegister(deps, mail),
    getMe: (ctx: AuthedCtx): Promise<UserProfileDto> => loadProfile(ctx.actor.userId),
    updateMe: makeUpdateProfile(deps, mail),
    changePassword: makeChangePassword(deps),
    deleteMe: makeDeleteAccount(deps),
    deleteById: deleteAccountById,
    exportMe: makeExportData(deps, loadProfile),
    listSessions: makeListSessions(deps),
    revokeSession: makeRevokeSession(deps),
    ensureAdmin: makeEnsureAdmin(deps),
  };
};

export type UserService = ReturnType<typeof makeUserService>;
