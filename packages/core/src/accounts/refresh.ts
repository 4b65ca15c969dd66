import type { Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { hmacUrlToken, sha256Hex } from '../lib/tokens.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import {
  claimRotation,
  findRefreshToken,
  insertRefreshToken,
  linkSuccessor,
  revokeSessions,
  touchSession,
} from './auth.repo.ts';
import { AUTH_MESSAGES, roleFromDb } from './auth.rules.ts';
import type { IssuedTokens, RefreshInput } from './auth.schemas.ts';

const invalidRefresh = () => new AppError('UNAUTHENTICATED', AUTH_MESSAGES.refreshInvalid);

/**
 * Rotation: each refresh token is single-use and yields a successor. Presenting an already-rotated token
 * within the grace window yields the same successor (parallel tabs); later, it revokes the whole family.
 */
export const makeRefresh = (deps: AccountsDeps, tokens: AccessTokens) => {
  const { config, clock } = deps;
  const { accessTtl, refreshTtl } = tokens;

  /** The successor of a refresh token is derived from it, so a retry within the grace window gets the same one. */
  const successorOf = (refreshToken: string) =>
    hmacUrlToken(config.secretKey, `refresh-rotation:${refreshToken}`);

  return async (ctx: Ctx, input: RefreshInput): Promise<IssuedTokens> => {
    const presented = input.refreshToken?.trim();
    if (!presented) throw new AppError('UNAUTHENTICATED', AUTH_MESSAGES.refreshMissing);
    const now = clock.now();
    const row = await findRefreshToken(deps.db.prisma, sha256Hex(presented));
    if (!row) throw invalidRefresh();
    const { session } = row;
    if (
      row.revokedAt !== null ||
      !session.isActive ||
      session.revokedAt !== null ||
      row.expiresAt <= now ||
      !session.user.isActive
    ) {
      throw invalidRefresh();
    }
    const user = {
      id: session.user.id,
      username: session.user.username,
      role: roleFromDb(session.user.role),
    };
    const successor = successorOf(presented);
    const expiresAt = new Date(now.getTime() + refreshTtl * 1000);

    const reuse = async (rotatedAt: Date) => {
      if (now.getTime() - rotatedAt.getTime() > config.auth.refreshReuseGraceSeconds * 1000) {
        const ids = await revokeSessions(
          deps.db.prisma,
          { sessionId: session.id },
          'refresh_token_reuse',
          now,
        );
        deps.sessionCache.dropSessions(ids);
        ctx.log.warn(
          { userId: user.id, sessionId: session.id },
          'refresh token reuse: session revoked',
        );
        throw invalidRefresh();
      }
      const next = await findRefreshToken(deps.db.prisma, sha256Hex(successor));
      if (!next || next.revokedAt !== null) throw invalidRefresh();
      return {
        accessToken: await tokens.mint(user, session.id),
        accessTokenMaxAge: accessTtl,
        refreshToken: successor,
        refreshTokenMaxAge: Math.max(
          1,
          Math.floor((next.expiresAt.getTime() - now.getTime()) / 1000),
        ),
        sessionId: session.id,
      };
    };

    if (row.rotatedAt !== null) return reuse(row.rotatedAt);

    const won = await deps.db.prisma.$transaction(async (tx) => {
      if (!(await claimRotation(tx, row.id, now))) return false;
      const next = await insertRefreshToken(tx, {
        sessionId: session.id,
        tokenHash: sha256Hex(successor),
        now,
        expiresAt,
      });
      await linkSuccessor(tx, row.id, next.id);
      await touchSession(tx, session.id, now, expiresAt);
      return true;
    });
    if (!won) return reuse(now);
    return {
      accessToken: await tokens.mint(user, session.id),
      accessTokenMaxAge: accessTtl,
      refreshToken: successor,
      refreshTokenMaxAge: refreshTtl,
      sessionId: session.id,
    };
  };
};
