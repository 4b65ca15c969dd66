import type { Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { isEmailIdentifier, roleToDb } from './auth.rules.ts';
import { isWeakPassword, passwordPolicyViolation } from './password.rules.ts';
import { insertUser } from './user.repo.ts';
import { USER_MESSAGES, ZUsername } from './user.schemas.ts';

/**
 * The first administrator from configuration (DEFAULT_ADMIN_*). Idempotent: an existing account with that
 * e-mail or username is promoted to archiviste (its password is left alone), otherwise one is created.
 */
export const makeEnsureAdmin =
  (deps: AccountsDeps) =>
  async (
    ctx: Ctx,
    input: { email: string; username: string; password: string; promoteExisting?: boolean },
  ): Promise<{ created: boolean; promoted: boolean; userId: number }> => {
    const email = input.email.trim().toLowerCase();
    const existing = await deps.db.prisma.user.findFirst({
      where: { OR: [{ email }, { username: input.username }] },
      select: { id: true, role: true, email: true, isEmailVerified: true },
    });
    if (existing) {
      if (existing.role === 'ARCHIVISTE') {
        ctx.log.info({ userId: existing.id }, 'administrator already present');
        return { created: false, promoted: false, userId: existing.id };
      }
      // Never hand admin rights to an account someone else may have registered with the configured
      // name or address: promotion is an explicit operator decision, and only for the verified owner
      // of the configured e-mail.
      if (input.promoteExisting !== true || existing.email !== email || !existing.isEmailVerified) {
        throw new AppError(
          'CONFLICT',
          'A non-administrator account already uses DEFAULT_ADMIN_EMAIL or DEFAULT_ADMIN_USERNAME. ' +
            'Check it, then run the command with --promote (the account must own the verified e-mail), ' +
            'or configure another administrator.',
        );
      }
      await deps.db.prisma.user.update({
        where: { id: existing.id },
        data: { role: roleToDb('archiviste'), isActive: true },
        select: { id: true },
      });
      ctx.log.info({ userId: existing.id }, 'administrator promoted');
      return { created: false, promoted: true, userId: existing.id };
    }
    const username = ZUsername.safeParse(input.username);
    if (!username.success || isEmailIdentifier(input.username)) {
      throw new AppError(
        'INVALID_INPUT',
        username.error?.issues[0]?.message ?? USER_MESSAGES.usernameCharset,
      );
    }
    const violation = passwordPolicyViolation(input.password);
    if (violation || isWeakPassword(input.password)) {
      throw new AppError('INVALID_INPUT', violation ?? 'DEFAULT_ADMIN_PASSWORD est trop faible.');
    }
    const row = await insertUser(deps.db.prisma, {
      username: input.username,
      email,
      hashedPassword: await deps.hasher.hash(input.password),
      fullName: null,
      role: 'ARCHIVISTE',
      isEmailVerified: true,
      now: deps.clock.now(),
    });
    ctx.log.info({ userId: row.id }, 'administrator created');
    return { created: true, promoted: false, userId: row.id };
  };
