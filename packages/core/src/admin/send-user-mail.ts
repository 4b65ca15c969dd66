import { requireAdmin } from '../kernel/authz.ts';
import type { Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { AdminDeps } from './admin-deps.ts';
import { parseAdminInput } from './admin-input.ts';
import { findAdminUser } from './admin.repo.ts';
import {
  ADMIN_MESSAGES,
  ZAdminUserIdInput,
  type AdminMessageDto,
  type AdminUserIdInput,
} from './admin.schemas.ts';

const mailFailed = () =>
  new AppError('DEPENDENCY_UNAVAILABLE', ADMIN_MESSAGES.mailFailed, {
    details: { dependency: 'mail' },
  });

/**
 * §6.5: a reset link for an active user, bypassing the public rate limit; the token stays saved when the
 * send fails (503). No audit entry (the legacy logs no e-mail).
 */
export const makeSendResetPassword =
  (deps: Pick<AdminDeps, 'db' | 'accounts'>) =>
  async (ctx: Ctx, input: AdminUserIdInput): Promise<AdminMessageDto> => {
    requireAdmin(ctx);
    const { userId } = parseAdminInput(ZAdminUserIdInput, input);
    const user = await findAdminUser(deps.db.prisma, userId);
    if (!user) throw new AppError('NOT_FOUND', ADMIN_MESSAGES.userNotFound);
    if (!user.isActive) throw new AppError('INVALID_INPUT', ADMIN_MESSAGES.inactiveNoMail);
    if (!(await deps.accounts.sendPasswordReset(ctx, user))) throw mailFailed();
    return { message: ADMIN_MESSAGES.resetSent };
  };

/** §6.6: a fresh verification link (no cooldown) unless the e-mail is already verified. */
export const makeResendVerification =
  (deps: Pick<AdminDeps, 'db' | 'accounts'>) =>
  async (ctx: Ctx, input: AdminUserIdInput): Promise<AdminMessageDto> => {
    requireAdmin(ctx);
    const { userId } = parseAdminInput(ZAdminUserIdInput, input);
    const user = await findAdminUser(deps.db.prisma, userId);
    if (!user) throw new AppError('NOT_FOUND', ADMIN_MESSAGES.userNotFound);
    if (user.isEmailVerified) return { message: ADMIN_MESSAGES.alreadyVerified };
    if (!(await deps.accounts.sendVerification(ctx, user))) throw mailFailed();
    return { message: ADMIN_MESSAGES.verificationSent };
  };
