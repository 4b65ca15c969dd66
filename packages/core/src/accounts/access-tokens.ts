/**
 * Access tokens of this process: minting (login, refresh) and verification against the session (per
 * request: the signature check memoised per token, then the few-second session cache). The HS256 key is
 * encoded once, here.
 */
import type { Actor } from '../kernel/deps.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import { findSessionForAuth } from './auth.repo.ts';
import { accessScopeOf, roleFromDb, type RoleName } from './auth.rules.ts';
import {
  accessTokenKey,
  memoizeTokenVerification,
  signAccessToken,
  verifyAccessToken,
} from './jwt.ts';

export const makeAccessTokens = (deps: AccountsDeps) => {
  const { config, clock } = deps;
  const accessTtl = config.auth.accessTokenMinutes * 60;
  const refreshTtl = config.auth.refreshTokenDays * 86_400;
  const accessKey = accessTokenKey(config.secretKey);
  const verifiedClaims = memoizeTokenVerification((token, now) =>
    verifyAccessToken(accessKey, token, now),
  );

  const mint = (user: { id: number; username: string; role: RoleName }, sessionId: number) =>
    signAccessToken(
      accessKey,
      { sub: user.username, role: user.role, sid: sessionId, uid: user.id },
      clock.now(),
      accessTtl,
    );

  const resolveSession = async (sessionId: number) => {
    const cached = deps.sessionCache.get(sessionId);
    if (cached) return cached;
    const row = await findSessionForAuth(deps.db.prisma, sessionId);
    if (!row) return null;
    const value = {
      valid: row.isActive && row.revokedAt === null && row.user.isActive,
      userId: row.user.id,
      username: row.user.username,
      role: roleFromDb(row.user.role),
      isEmailVerified: row.user.isEmailVerified,
      createdAt: row.user.createdAt,
      expiresAt: row.expiresAt,
    };
    deps.sessionCache.set(sessionId, value);
    return value;
  };

  /** Verifies an access token and its session; null when anything is off. */
  const actorFromToken = async (token: string): Promise<Actor | null> => {
    const now = clock.now();
    const claims = await verifiedClaims(token, now);
    if (!claims) return null;
    const session = await resolveSession(claims.sid);
    if (!session?.valid || session.userId !== claims.uid || session.expiresAt <= now) return null;
    return {
      userId: session.userId,
      username: session.username,
      role: session.role,
      accessScope: accessScopeOf(session, now, config.auth.unverifiedGraceMinutes),
      sessionId: claims.sid,
    };
  };

  return { accessTtl, refreshTtl, mint, actorFromToken };
};

export type AccessTokens = ReturnType<typeof makeAccessTokens>;
