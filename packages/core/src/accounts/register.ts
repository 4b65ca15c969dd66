import type { Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { AccountMail } from './account-mail.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import type { ClientInfo } from './auth.schemas.ts';
import { insertUser, toUserProfileDto } from './user.repo.ts';
import {
  USER_MESSAGES,
  ZRegisterInput,
  type RegisteredUserDto,
  type RegisterInput,
} from './user.schemas.ts';

/** api-rest-core §6.3.2: IP throttle, then the registration switch, then the account. */
export const makeRegister =
  (deps: AccountsDeps, mail: AccountMail) =>
  async (ctx: Ctx, input: RegisterInput, client: ClientInfo): Promise<RegisteredUserDto> => {
    await deps.rateLimits.consume('register', client.ip);
    if (!(await deps.settings.isRegistrationEnabled()))
      throw new AppError('FORBIDDEN', USER_MESSAGES.registrationClosed);
    const parsed = ZRegisterInput.safeParse(input);
    if (!parsed.success) {
      throw new AppError(
        'INVALID_INPUT',
        parsed.error.issues[0]?.message ?? USER_MESSAGES.usernameRequired,
        {
          cause: parsed.error,
          details: { field: parsed.error.issues[0]?.path.join('.') ?? null },
        },
      );
    }
    const data = parsed.data;
    const hashedPassword = await deps.hasher.hash(data.password);
    const row = await insertUser(deps.db.prisma, {
      ...data,
      hashedPassword,
      now: deps.clock.now(),
    });
    ctx.log.info({ userId: row.id }, 'user registered');
    await mail.sendVerification(ctx, { id: row.id, username: row.username, email: row.email });
    const dto = toUserProfileDto(row, deps.clock.now(), deps.config.auth.unverifiedGraceMinutes);
    return {
      id: dto.id,
      username: dto.username,
      email: dto.email,
      fullName: dto.fullName,
      role: dto.role,
      isActive: dto.isActive,
      isEmailVerified: dto.isEmailVerified,
      createdAt: dto.createdAt,
    };
  };
