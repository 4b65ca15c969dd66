/**
 * The legacy wire of the `/api/auth/*` routes (api-rest-core §6.2): bodies built from core's auth
 * schemas, response schemas, and the login user mapper.
 */
import { z } from 'zod';

import {
  ROLE_NAMES,
  ZRefreshInput,
  ZResetPasswordInput,
  ZVerifyEmailInput,
  type LoginDto,
  type UserProfileDto,
  type VerifyEmailDto,
} from '@mathakine/core';

import { pyIsoformatOrNull } from '../legacy/format.ts';
import { wire, ZMessageBody, ZPyDateTime } from '../legacy/wire.ts';

// ---- inputs ----------------------------------------------------------------------------------------

/** Refresh (§6.2.4): only a non-blank string `refresh_token` counts; anything else falls back to the cookie. */
export const ZLegacyRefreshBody = z.object({
  refresh_token: ZRefreshInput.shape.refreshToken.catch(undefined).transform((v) => v || undefined),
});

/** Reset (§6.2.7): absent or null fields are empty strings; the service answers them in the legacy order. */
export const ZLegacyResetPasswordBody = z
  .object({
    token: ZResetPasswordInput.shape.token.nullish(),
    password: ZResetPasswordInput.shape.password.nullish(),
    password_confirm: ZResetPasswordInput.shape.passwordConfirm.nullish(),
  })
  .transform((b) => ({
    token: b.token ?? '',
    password: b.password ?? '',
    passwordConfirm: b.password_confirm ?? '',
  }));

/** Verify (§6.2.8): a token the core schema refuses is verified as the empty token (the service's answer). */
export const ZLegacyVerifyEmailQuery = z.object({
  token: ZVerifyEmailInput.shape.token.catch(''),
});

// ---- responses -------------------------------------------------------------------------------------

const ZLegacyLoginUser = wire({
  id: z.number(),
  username: z.string(),
  email: z.string(),
  full_name: z.string().nullable(),
  role: z.enum(ROLE_NAMES),
  is_email_verified: z.boolean(),
  access_scope: z.enum(['full', 'exercises_only']),
  onboarding_completed_at: ZPyDateTime.nullable(),
  grade_level: z.number().nullable(),
  grade_system: z.enum(['suisse', 'unifie']).nullable(),
  preferred_difficulty: z.string().nullable(),
  learning_goal: z.string().nullable(),
  practice_rhythm: z.string().nullable(),
});

export const ZLegacyLoginResponse = wire({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number(),
  user: ZLegacyLoginUser,
});

export const ZLegacyCsrfResponse = wire({ csrf_token: z.string() });
export const ZLegacyValidateTokenResponse = wire({ valid: z.literal(true), user_id: z.string() });
export const ZLegacyRefreshResponse = wire({
  access_token: z.string(),
  token_type: z.literal('bearer'),
});
export const ZLegacyResetPasswordResponse = wire({ message: z.string(), success: z.literal(true) });
export const ZLegacyVerifyEmailResponse = wire({
  message: z.string(),
  success: z.literal(true),
  user: wire({
    id: z.number(),
    username: z.string(),
    email: z.string(),
    is_email_verified: z.literal(true),
  }),
});
export { ZMessageBody as ZLegacyMessageResponse };

// ---- mappers ---------------------------------------------------------------------------------------

/** `user` of the login answer (§6.2.1). */
export const toLegacyLoginUser = (u: UserProfileDto) => ({
  id: u.id,
  username: u.username,
  email: u.email,
  full_name: u.fullName,
  role: u.role,
  is_email_verified: u.isEmailVerified,
  access_scope: u.accessScope,
  onboarding_completed_at: pyIsoformatOrNull(u.onboardingCompletedAt),
  grade_level: u.gradeLevel,
  grade_system: u.gradeSystem,
  preferred_difficulty: u.preferredDifficulty,
  learning_goal: u.learningGoal,
  practice_rhythm: u.practiceRhythm,
});

export const toLegacyLogin = (result: LoginDto) => ({
  access_token: result.accessToken,
  token_type: 'bearer' as const,
  expires_in: result.accessTokenMaxAge,
  user: toLegacyLoginUser(result.user),
});

export const toLegacyVerifyEmail = (result: VerifyEmailDto) => ({
  message: result.message,
  success: true as const,
  user: {
    id: result.user.id,
    username: result.user.username,
    email: result.user.email,
    is_email_verified: result.user.isEmailVerified,
  },
});
