import { z } from 'zod';

import { AUTH_MESSAGES } from './auth.rules.ts';
import { ZUserProfileDto, type UserProfileDto } from './user.schemas.ts';

/** A required string: absent, null, non-string or blank (after trim when `trim`) → `message`. */
const requiredString = (message: string, options: { trim: boolean; max?: number }) => {
  const base = z.string({ error: message });
  const trimmed = options.trim ? base.trim() : base;
  return trimmed.min(1, message).max(options.max ?? 1024, message);
};

export const ZLoginInput = z.object({
  /** A username (exact) or an e-mail (contains `@`, compared lower-cased). Trimmed. */
  username: requiredString("Nom d'utilisateur requis", { trim: true, max: 254 }),
  /** Never trimmed. */
  password: requiredString('Mot de passe requis', { trim: false, max: 1024 }),
});
export type LoginInput = z.infer<typeof ZLoginInput>;

export const ZRefreshInput = z.object({ refreshToken: z.string().trim().max(512).optional() });
export type RefreshInput = z.infer<typeof ZRefreshInput>;

export const ZValidateTokenInput = z.object({
  token: z.string({ error: 'Token invalide' }).min(1, 'Token manquant').max(4096, 'Token invalide'),
});
export type ValidateTokenInput = z.infer<typeof ZValidateTokenInput>;

export const ZForgotPasswordInput = z.object({
  email: requiredString(AUTH_MESSAGES.emailRequired, { trim: true, max: 254 }),
});
export type ForgotPasswordInput = z.infer<typeof ZForgotPasswordInput>;

export const ZResendVerificationInput = ZForgotPasswordInput;
export type ResendVerificationInput = z.infer<typeof ZResendVerificationInput>;

/** Reset: the policy check happens in the service so the legacy message order holds. */
export const ZResetPasswordInput = z.object({
  token: z
    .string({ error: AUTH_MESSAGES.resetTokenMissing })
    .trim()
    .max(512, AUTH_MESSAGES.resetTokenInvalid),
  password: z.string({ error: 'Le mot de passe doit contenir au moins 8 caractères' }).max(1024),
  passwordConfirm: z.string({ error: AUTH_MESSAGES.resetMismatch }).max(1024),
});
export type ResetPasswordInput = z.infer<typeof ZResetPasswordInput>;

export const ZVerifyEmailInput = z.object({
  token: z
    .string({ error: AUTH_MESSAGES.verifyMissing })
    .trim()
    .min(1, AUTH_MESSAGES.verifyMissing)
    .max(512, AUTH_MESSAGES.verifyInvalid),
});
export type VerifyEmailInput = z.infer<typeof ZVerifyEmailInput>;

/** Where a request came from (resolved by the transport through the trusted proxy hops). */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

export interface IssuedTokens {
  accessToken: string;
  /** Seconds (the legacy `expires_in` and the cookie Max-Age). */
  accessTokenMaxAge: number;
  refreshToken: string;
  refreshTokenMaxAge: number;
  sessionId: number;
}

export interface LoginDto extends IssuedTokens {
  user: UserProfileDto;
}

// ---- DTOs a client sees (zod schemas: the tRPC procedures' output schemas) ------------------------

export const ZValidateTokenDto = z.object({
  valid: z.literal(true),
  /** The token's `sub`: the username (the legacy `user_id`). */
  subject: z.string(),
});
export type ValidateTokenDto = z.infer<typeof ZValidateTokenDto>;

export const ZMessageDto = z.object({ message: z.string() });
export type MessageDto = z.infer<typeof ZMessageDto>;

export const ZVerifyEmailDto = z.object({
  message: z.string(),
  alreadyVerified: z.boolean(),
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    email: z.string(),
    isEmailVerified: z.literal(true),
  }),
});
export type VerifyEmailDto = z.infer<typeof ZVerifyEmailDto>;

export const ZCsrfTokenDto = z.object({ csrfToken: z.string() });
export type CsrfTokenDto = z.infer<typeof ZCsrfTokenDto>;

/** A session opened for a client (the refresh token travels only in its HttpOnly cookie). */
export const ZSessionTokensDto = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
});
export type SessionTokensDto = z.infer<typeof ZSessionTokensDto>;

export const ZLoginResultDto = ZSessionTokensDto.extend({ user: ZUserProfileDto });
export type LoginResultDto = z.infer<typeof ZLoginResultDto>;
