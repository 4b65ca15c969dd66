import { isIP } from 'node:net';
import type { Logger } from 'pino';

import type { Actor, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { hmacUrlToken, randomUrlToken, sha256Hex } from '../lib/tokens.ts';
import type { AccountsDeps } from './accounts-deps.ts';
import {
  claimRotation,
  findRefreshToken,
  findSessionForAuth,
  findUserByEmail,
  findUserByResetToken,
  findUserByVerificationToken,
  findUserForLogin,
  insertRefreshToken,
  insertSession,
  linkSuccessor,
  markEmailVerified,
  revokeSessions,
  setPassword,
  setResetToken,
  setVerificationToken,
  touchSession,
} from './auth.repo.ts';
import {
  accessScopeOf,
  AUTH_MESSAGES,
  isEmailIdentifier,
  normaliseEmail,
  RESEND_COOLDOWN_MS,
  RESET_TTL_MS,
  roleFromDb,
  VERIFICATION_TTL_MS,
  type RoleName,
} from './auth.rules.ts';
import type {
  ClientInfo,
  CsrfTokenDto,
  ForgotPasswordInput,
  IssuedTokens,
  LoginDto,
  LoginInput,
  MessageDto,
  RefreshInput,
  ResendVerificationInput,
  ResetPasswordInput,
  ValidateTokenDto,
  ValidateTokenInput,
  VerifyEmailDto,
  VerifyEmailInput,
} from './auth.schemas.ts';
import { accessTokenKey, signAccessToken, verifyAccessToken } from './jwt.ts';
import { renderPasswordResetEmail, renderVerificationEmail } from './mail.templates.ts';
import { passwordPolicyViolation } from './password.rules.ts';
import { findUserProfile, toUserProfileDto } from './user.repo.ts';

export type TokenState = 'none' | 'invalid' | 'valid';

/** The transports' auth resolution result (api `ResolvedAuth`). */
export interface ResolvedActor {
  actor: Actor | null;
  tokenState: TokenState;
}

const invalidCredentials = () => new AppError('UNAUTHENTICATED', AUTH_MESSAGES.badCredentials);
const invalidRefresh = () => new AppError('UNAUTHENTICATED', AUTH_MESSAGES.refreshInvalid);

/**
 * Authentication use cases: login, refresh (rotation with reuse detection), logout, access-token
 * resolution, e-mail verification and password reset. Shared with the users service through AccountsDeps.
 */
export const makeAuthService = (deps: AccountsDeps) => {
  const { config, clock } = deps;
  const accessTtl = config.auth.accessTokenMinutes * 60;
  const refreshTtl = config.auth.refreshTokenDays * 86_400;
  let dummyHash: Promise<string> | null = null;
  /** A hash of the configured cost, compared against when the user is unknown (no timing oracle). */
  const getDummyHash = () => (dummyHash ??= deps.hasher.hash(randomUrlToken()));

  /** The successor of a refresh token is derived from it, so a retry within the grace window gets the same one. */
  const successorOf = (refreshToken: string) =>
    hmacUrlToken(config.secretKey, `refresh-rotation:${refreshToken}`);

  const accessKey = accessTokenKey(config.secretKey);

  const mintAccess = (user: { id: number; username: string; role: RoleName }, sessionId: number) =>
    signAccessToken(
      accessKey,
      { sub: user.username, role: user.role, sid: sessionId, uid: user.id },
      clock.now(),
      accessTtl,
    );

  const sendLater = (
    log: Logger,
    kind: 'verification' | 'password_reset',
    message: Parameters<AccountsDeps['mailer']['send']>[0],
  ) => {
    const sending = deps.mailer.send(message).then(
      () => {
        log.info({ kind, mailer: deps.mailer.kind }, 'mail sent');
      },
      (err: unknown) => {
        log.error({ err, kind }, 'mail send failed');
        deps.onMailFailure?.(kind);
      },
    );
    deps.trackMail?.(sending);
  };

  const link = (path: string, token: string) =>
    `${config.mail.linkBaseUrl}/${path}?token=${encodeURIComponent(token)}`;

  /** Issues a fresh verification link for the user (after commit the caller sends it). */
  const issueVerification = async (userId: number) => {
    const token = randomUrlToken();
    const now = clock.now();
    await setVerificationToken(
      deps.db.prisma,
      userId,
      sha256Hex(token),
      now,
      new Date(now.getTime() + VERIFICATION_TTL_MS),
    );
    return token;
  };

  const sendVerification = async (
    ctx: Ctx,
    user: { id: number; username: string; email: string },
  ) => {
    const token = await issueVerification(user.id);
    sendLater(ctx.log, 'verification', {
      to: user.email,
      ...renderVerificationEmail({ username: user.username, link: link('verify-email', token) }),
    });
  };

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
    const claims = await verifyAccessToken(accessKey, token, now);
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

  return {
    /** Login by username (exact) or e-mail (contains `@`, lower-cased), with IP and per-account throttles. */
    login: async (ctx: Ctx, input: LoginInput, client: ClientInfo): Promise<LoginDto> => {
      await deps.rateLimits.consume('login', client.ip);
      const byEmail = isEmailIdentifier(input.username);
      const identifier = byEmail ? normaliseEmail(input.username) : input.username;
      await deps.rateLimits.consume('login-account', identifier.toLowerCase());
      const user = identifier.includes('\0')
        ? null
        : await findUserForLogin(
            deps.db.prisma,
            byEmail ? { email: identifier } : { username: identifier },
          );
      if (!user) {
        await deps.hasher.verify(input.password, await getDummyHash());
        throw invalidCredentials();
      }
      const ok = await deps.hasher.verify(input.password, user.hashedPassword);
      if (!ok || !user.isActive) throw invalidCredentials();

      const now = clock.now();
      const expiresAt = new Date(now.getTime() + refreshTtl * 1000);
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
        accessToken: await mintAccess(
          { id: user.id, username: user.username, role: dto.role },
          sessionId,
        ),
        accessTokenMaxAge: accessTtl,
        refreshToken,
        refreshTokenMaxAge: refreshTtl,
        sessionId,
        user: dto,
      };
    },

    /**
     * Rotation: each refresh token is single-use and yields a successor. Presenting an already-rotated token
     * within the grace window yields the same successor (parallel tabs); later, it revokes the whole family.
     */
    refresh: async (ctx: Ctx, input: RefreshInput): Promise<IssuedTokens> => {
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
          accessToken: await mintAccess(user, session.id),
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
        accessToken: await mintAccess(user, session.id),
        accessTokenMaxAge: accessTtl,
        refreshToken: successor,
        refreshTokenMaxAge: refreshTtl,
        sessionId: session.id,
      };
    },

    /** Revokes the session named by the refresh token and/or the caller's access token. Always succeeds. */
    logout: async (ctx: Ctx, input: { refreshToken?: string | undefined }): Promise<MessageDto> => {
      const now = clock.now();
      const sessionIds = new Set<number>();
      if (ctx.actor?.sessionId) sessionIds.add(ctx.actor.sessionId);
      const presented = input.refreshToken?.trim();
      if (presented) {
        const row = await findRefreshToken(deps.db.prisma, sha256Hex(presented));
        if (row) sessionIds.add(row.session.id);
      }
      for (const id of sessionIds) {
        const revoked = await revokeSessions(deps.db.prisma, { sessionId: id }, 'logout', now);
        deps.sessionCache.dropSessions([...revoked, id]);
      }
      return { message: AUTH_MESSAGES.logoutOk };
    },

    /**
     * The transports' per-request identity resolution (never throws for a bad token). The transport
     * decides which credential of the request is the access token (api-rest-core §2.3).
     */
    resolveAccessToken: async (token: string | undefined): Promise<ResolvedActor> => {
      if (token === undefined || token === '') return { actor: null, tokenState: 'none' };
      const actor = await actorFromToken(token);
      return actor ? { actor, tokenState: 'valid' } : { actor: null, tokenState: 'invalid' };
    },

    /**
     * The Next.js server's check before it copies a token onto its domain. Throttled per client IP and
     * token, so one frontend server relaying every user's check does not share a single bucket.
     */
    validateToken: async (
      _ctx: Ctx,
      input: ValidateTokenInput,
      client: ClientInfo,
    ): Promise<ValidateTokenDto> => {
      await deps.rateLimits.consume(
        'validate-token',
        `${client.ip}:${sha256Hex(input.token).slice(0, 16)}`,
      );
      const actor = await actorFromToken(input.token);
      if (!actor) throw new AppError('UNAUTHENTICATED', AUTH_MESSAGES.tokenInvalid);
      return { valid: true, subject: actor.username };
    },

    /** A fresh double-submit token (43 URL-safe characters); nothing is stored server-side. */
    issueCsrfToken: (): CsrfTokenDto => ({ csrfToken: randomUrlToken() }),

    verifyEmail: async (ctx: Ctx, input: VerifyEmailInput): Promise<VerifyEmailDto> => {
      if (input.token.trim() === '')
        throw new AppError('INVALID_INPUT', AUTH_MESSAGES.verifyMissing);
      const now = clock.now();
      const user = await findUserByVerificationToken(deps.db.prisma, sha256Hex(input.token));
      if (!user) throw new AppError('INVALID_INPUT', AUTH_MESSAGES.verifyInvalid);
      // Already verified first (audit X17): a second click on the link is an idempotent success, even
      // once the link has expired. The token can only ever verify once.
      const alreadyVerified = user.isEmailVerified;
      if (
        !alreadyVerified &&
        (user.emailVerificationExpiresAt === null || user.emailVerificationExpiresAt <= now)
      ) {
        throw new AppError('INVALID_INPUT', AUTH_MESSAGES.verifyExpired);
      }
      if (!alreadyVerified) {
        await markEmailVerified(deps.db.prisma, user.id, now);
        deps.sessionCache.dropUser(user.id);
        ctx.log.info({ userId: user.id }, 'email verified');
      }
      return {
        message: alreadyVerified ? AUTH_MESSAGES.alreadyVerified : AUTH_MESSAGES.verifyOk,
        alreadyVerified,
        user: { id: user.id, username: user.username, email: user.email, isEmailVerified: true },
      };
    },

    /** Every outcome is a 200 message (cooldown included), so the answer reveals little. */
    resendVerification: async (
      ctx: Ctx,
      input: ResendVerificationInput,
      client: ClientInfo,
    ): Promise<MessageDto> => {
      await deps.rateLimits.consume('resend_verification', client.ip);
      const email = normaliseEmail(input.email);
      const user = email.includes('\0') ? null : await findUserByEmail(deps.db.prisma, email);
      if (!user?.isActive) return { message: AUTH_MESSAGES.resendUnknown };
      if (user.isEmailVerified) return { message: AUTH_MESSAGES.alreadyVerified };
      const now = clock.now();
      if (
        user.emailVerificationSentAt &&
        now.getTime() - user.emailVerificationSentAt.getTime() < RESEND_COOLDOWN_MS
      ) {
        return { message: AUTH_MESSAGES.resendCooldown };
      }
      await sendVerification(ctx, user);
      return { message: AUTH_MESSAGES.resendSent };
    },

    /** Always the same 200 (anti-enumeration); the mail goes out after the answer, failures are logged. */
    forgotPassword: async (
      ctx: Ctx,
      input: ForgotPasswordInput,
      client: ClientInfo,
    ): Promise<MessageDto> => {
      await deps.rateLimits.consume('forgot-password', client.ip);
      const email = normaliseEmail(input.email);
      const user = email.includes('\0') ? null : await findUserByEmail(deps.db.prisma, email);
      if (user?.isActive) {
        const token = randomUrlToken();
        const now = clock.now();
        await setResetToken(
          deps.db.prisma,
          user.id,
          sha256Hex(token),
          now,
          new Date(now.getTime() + RESET_TTL_MS),
        );
        sendLater(ctx.log, 'password_reset', {
          to: user.email,
          ...renderPasswordResetEmail({
            username: user.username,
            link: link('reset-password', token),
          }),
        });
      }
      return { message: AUTH_MESSAGES.forgotOk };
    },

    /** Single use, 1 h; the new password follows the one policy; every session of the account is revoked. */
    resetPassword: async (
      ctx: Ctx,
      input: ResetPasswordInput,
    ): Promise<{ success: true; message: string }> => {
      if (input.token === '') throw new AppError('INVALID_INPUT', AUTH_MESSAGES.resetTokenMissing);
      const violation = passwordPolicyViolation(input.password);
      if (violation) throw new AppError('INVALID_INPUT', violation);
      if (input.password !== input.passwordConfirm)
        throw new AppError('INVALID_INPUT', AUTH_MESSAGES.resetMismatch);
      const now = clock.now();
      const user = await findUserByResetToken(deps.db.prisma, sha256Hex(input.token));
      if (!user) throw new AppError('INVALID_INPUT', AUTH_MESSAGES.resetTokenInvalid);
      if (user.passwordResetExpiresAt === null || user.passwordResetExpiresAt <= now) {
        throw new AppError('INVALID_INPUT', AUTH_MESSAGES.resetTokenExpired);
      }
      const hashed = await deps.hasher.hash(input.password);
      await deps.db.prisma.$transaction(async (tx) => {
        await setPassword(tx, user.id, hashed, now);
        await revokeSessions(tx, { userId: user.id }, 'password_reset', now);
      });
      deps.sessionCache.dropUser(user.id);
      ctx.log.info({ userId: user.id }, 'password reset');
      return { success: true, message: AUTH_MESSAGES.resetOk };
    },

    /** Used by registration and e-mail change: issue a link and send it after the caller's commit. */
    sendVerification,
  };
};

export type AuthService = ReturnType<typeof makeAuthService>;

/** `inet` accepts only addresses: anything else (e.g. `unknown` in tests) is stored as null. */
const ipOrNull = (ip: string): string | null => (isIP(ip) === 0 ? null : ip);
