import { isIP } from 'node:net';

import type { Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { randomUrlToken, sha256Hex } from '../lib/tokens.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { findUserForLogin, insertRefreshToken, insertSession } from './auth.repo.ts';
import { AUTH_MESSAGES, isEmailIdentifier, normaliseEmail } from './auth.rules.ts';
import type { ClientInfo, LoginDto, LoginInput } from './auth.schemas.ts';
import { findUserProfile, toUserProfileDto } from './user.repo.ts';

const invalidCredentials = () => new AppError('UNAUTHENTICATED', AUTH_MESSAGES.badCredentials);

/** `inet` accepts only addresses: anything else (e.g. `unknown` in tests) is stored as null. */
const ipOrNull = (ip: string): string | null => (isIP(ip) === 0 ? null : ip);

/** Login by username (exact) or e-mail (contains `@`, lower-cased), with IP and per-account throttles. */
export const makeLogin = (deps: AccountsDeps, tokens: AccessTokens) => {
  const { config, clock } = deps;
  let dummyHash: Promise<string> | null = null;
  /** A hash of the configured cost, compared against when the user is unknown (no timing oracle). */
  const getDummyHash = () => (dummyHash ??= deps.hasher.hash(randomUrlToken()));

  return async (ctx: Ctx, input: LoginInput, client: ClientInfo): Promise<LoginDto> => {
    await deps.rateLimits.consume('login', client.ip);
    const byEmail = isEmailIdentifier(input.username);
    const identifier = byEmail ? normaliseEmail(input.username) : input.username;
    const user = identifier.includes('\0')
      ? null
      : await findUserForLogin(
          deps.db.prisma,
          byEmail ? { email: identifier } : { username: identifier },
        );
    // Keyed by the account, not by the identifier as typed: its username and its e-mail (any case)
    // share one bucket. An unknown identifier gets its own (lower-cased) bucket.
    await deps.rateLimits.consume(
      'login-account',
      user ? `user:${String(user.id)}` : `unknown:${identifier.toLowerCase()}`,
    );
    if (!user) {
      await deps.hasher.verify(input.password, await getDummyHash());
      throw invalidCredentials();
    }
    const ok = await deps.hasher.verify(input.password, user.hashedPassword);
    if (!ok || !user.isActive) throw invalidCredentials();

    const now = clock.now();
    const expiresAt = new Date(now.getTime() + tokens.refreshTtl * 1000);
    const refreshToken = randomUrlToken();
    const sessionId = await deps.db.prisma.$transaction(async (tx) => {
      const session = await insertSession(tx, {
        userId: user.id,
        ipAddress: ipOrNull(client.ip),
        userAgent: client.userAgent,
        now,
        expiresAt,
      });
      await insertRefreshToken(tx, {
        sessionId: session.id,
        tokenHash: sha256Hex(refreshToken),
        now,
        expiresAt,
      });
      return session.id;
    });
    const profile = await findUserProfile(deps.db.prisma, user.id);
    if (!profile) throw invalidCredentials();
    const dto = toUserProfileDto(profile, now, config.auth.unverifiedGraceMinutes);
    ctx.log.info({ userId: user.id, sessionId }, 'login');
    return {
      accessToken: await tokens.mint(
        { id: user.id, username: user.username, role: dto.role },
        sessionId,
      ),
      accessTokenMaxAge: tokens.accessTtl,
      refreshToken,
      refreshTokenMaxAge: tokens.refreshTtl,
      sessionId,
      user: dto,
    };
  };
};
