/**
 * The legacy wire of the `/api/users/*` account routes (api-rest-core §6.3): the registration and
 * profile bodies (built from core's user schemas), response schemas, and the mappers.
 */
import { z } from 'zod';

import {
  ROLE_NAMES,
  USER_MESSAGES,
  ZRegisterInput,
  ZUpdateProfileInput,
  type RegisteredUserDto,
  type RegisterInput,
  type SessionDto,
  type UpdateProfileInput,
  type UserProfileDto,
} from '@mathakine/core';

import { pyIsoformat, pyIsoformatOrNull } from '../legacy/format.ts';
import { validatedByCore } from '../legacy/inputs.ts';
import { wire, ZJsonObject, ZPyDateTime } from '../legacy/wire.ts';

// ---- inputs ----------------------------------------------------------------------------------------

/**
 * Registration (§6.3.2): the P1 object parse without required fields; the service validates the fields
 * after its rate limit and the registration switch. Absent fields are empty (null for `full_name`).
 */
export const ZLegacyRegisterBody = z
  .object({
    username: validatedByCore(ZRegisterInput.shape.username),
    email: validatedByCore(ZRegisterInput.shape.email),
    password: validatedByCore(ZRegisterInput.shape.password),
    full_name: validatedByCore(ZRegisterInput.shape.fullName),
  })
  .transform((b): RegisterInput => ({
    username: b.username ?? '',
    email: b.email ?? '',
    password: b.password ?? '',
    fullName: b.full_name ?? null,
  }));

const PRIVACY_FIELDS = [
  'is_public_profile',
  'allow_friend_requests',
  'show_in_leaderboards',
  'data_retention_consent',
  'marketing_consent',
] as const;
const SETTINGS_FIELDS = [
  'notification_preferences',
  'language_preference',
  'timezone',
  'privacy_settings',
] as const;

/** Legacy key → the profile input key (§6.3.4 step 3: everything else is dropped). */
const PROFILE_KEYS = {
  email: 'email',
  full_name: 'fullName',
  grade_level: 'gradeLevel',
  grade_system: 'gradeSystem',
  learning_style: 'learningStyle',
  preferred_difficulty: 'preferredDifficulty',
  preferred_theme: 'preferredTheme',
  accessibility_settings: 'accessibilitySettings',
  learning_goal: 'learningGoal',
  practice_rhythm: 'practiceRhythm',
} as const satisfies Record<string, keyof UpdateProfileInput>;

/**
 * The legacy PUT /api/users/me body → a profile update (§6.3.4 steps 1–3): privacy booleans grouped under
 * `privacy_settings`, settings fields moved into `accessibility_settings`, unknown keys dropped.
 */
export const legacyProfileBodyToInput = (
  body: Record<string, unknown>,
): Record<string, unknown> => {
  const privacyKeys = new Set<string>(PRIVACY_FIELDS);
  const settingsKeys = new Set<string>(SETTINGS_FIELDS);
  const privacy = Object.fromEntries(Object.entries(body).filter(([k]) => privacyKeys.has(k)));
  const raw: Record<string, unknown> = Object.fromEntries(
    Object.entries(body).filter(([k]) => !privacyKeys.has(k)),
  );
  if (Object.keys(privacy).length > 0) raw.privacy_settings = privacy;
  const moved = Object.fromEntries(Object.entries(raw).filter(([k]) => settingsKeys.has(k)));
  if (Object.keys(moved).length > 0) {
    const sent = raw.accessibility_settings;
    const base =
      typeof sent === 'object' && sent !== null && !Array.isArray(sent)
        ? (sent as Record<string, unknown>)
        : {};
    raw.accessibility_settings = { ...base, ...moved };
  }
  const input: Record<string, unknown> = {};
  for (const [legacyKey, key] of Object.entries(PROFILE_KEYS)) {
    if (legacyKey in raw) input[key] = raw[legacyKey];
  }
  return input;
};

/** PUT /api/users/me (§6.3.4): the legacy keys mapped, then core's profile schema (first issue → 400). */
export const ZLegacyProfileBody = z
  .record(z.string(), z.unknown())
  .transform(legacyProfileBodyToInput)
  .refine((input) => Object.keys(input).length > 0, USER_MESSAGES.noField)
  .pipe(ZUpdateProfileInput);

// ---- responses -------------------------------------------------------------------------------------

/** The profile fields every user body shares. */
export const profileFields = {
  id: z.number(),
  username: z.string(),
  email: z.string(),
  full_name: z.string().nullable(),
  role: z.enum(ROLE_NAMES),
  is_email_verified: z.boolean(),
  grade_level: z.number().nullable(),
  grade_system: z.enum(['suisse', 'unifie']).nullable(),
  learning_style: z.string().nullable(),
  preferred_difficulty: z.string().nullable(),
  onboarding_completed_at: ZPyDateTime.nullable(),
  learning_goal: z.string().nullable(),
  practice_rhythm: z.string().nullable(),
  preferred_theme: z.string().nullable(),
  accessibility_settings: ZJsonObject,
  created_at: ZPyDateTime,
  total_points: z.number(),
  current_level: z.number(),
  jedi_rank: z.string(),
};

export const ZLegacyMe = wire({
  ...profileFields,
  is_authenticated: z.literal(true),
  access_scope: z.enum(['full', 'exercises_only']),
});

export const ZLegacyProfile = wire({
  ...profileFields,
  is_active: z.boolean(),
  updated_at: ZPyDateTime,
});

export const ZLegacyRegistered = wire({
  id: z.number(),
  username: z.string(),
  email: z.string(),
  full_name: z.string().nullable(),
  role: z.enum(ROLE_NAMES),
  is_active: z.boolean(),
  is_email_verified: z.boolean(),
  created_at: ZPyDateTime,
});

export const ZLegacySession = wire({
  id: z.number(),
  device_info: ZJsonObject.nullable(),
  ip_address: z.string().nullable(),
  user_agent: z.string().nullable(),
  location_data: ZJsonObject.nullable(),
  is_active: z.boolean(),
  last_activity: ZPyDateTime,
  created_at: ZPyDateTime,
  expires_at: ZPyDateTime,
  is_current: z.boolean(),
});

// ---- mappers ---------------------------------------------------------------------------------------

/** `GET /api/users/me` (api-rest-core §6.3.3). */
export const toLegacyMe = (u: UserProfileDto) => ({
  id: u.id,
  username: u.username,
  email: u.email,
  is_authenticated: true as const,
  is_email_verified: u.isEmailVerified,
  access_scope: u.accessScope,
  role: u.role,
  full_name: u.fullName,
  grade_level: u.gradeLevel,
  grade_system: u.gradeSystem,
  learning_style: u.learningStyle,
  preferred_difficulty: u.preferredDifficulty,
  onboarding_completed_at: pyIsoformatOrNull(u.onboardingCompletedAt),
  learning_goal: u.learningGoal,
  practice_rhythm: u.practiceRhythm,
  preferred_theme: u.preferredTheme,
  accessibility_settings: u.accessibilitySettings,
  created_at: pyIsoformat(u.createdAt),
  total_points: u.totalPoints,
  current_level: u.currentLevel,
  jedi_rank: u.jediRank,
});

/** `PUT /api/users/me` (api-rest-core §6.3.4): `is_active` and `updated_at`, no `access_scope`. */
export const toLegacyProfile = (u: UserProfileDto) => ({
  id: u.id,
  username: u.username,
  email: u.email,
  full_name: u.fullName,
  role: u.role,
  is_email_verified: u.isEmailVerified,
  grade_level: u.gradeLevel,
  grade_system: u.gradeSystem,
  learning_style: u.learningStyle,
  preferred_difficulty: u.preferredDifficulty,
  onboarding_completed_at: pyIsoformatOrNull(u.onboardingCompletedAt),
  learning_goal: u.learningGoal,
  practice_rhythm: u.practiceRhythm,
  preferred_theme: u.preferredTheme,
  accessibility_settings: u.accessibilitySettings,
  is_active: u.isActive,
  created_at: pyIsoformat(u.createdAt),
  updated_at: pyIsoformat(u.updatedAt),
  total_points: u.totalPoints,
  current_level: u.currentLevel,
  jedi_rank: u.jediRank,
});

export const toLegacyRegistered = (u: RegisteredUserDto) => ({
  id: u.id,
  username: u.username,
  email: u.email,
  full_name: u.fullName,
  role: u.role,
  is_active: u.isActive,
  is_email_verified: u.isEmailVerified,
  created_at: pyIsoformat(u.createdAt),
});

export const toLegacySession = (s: SessionDto) => ({
  id: s.id,
  device_info: s.deviceInfo,
  ip_address: s.ipAddress,
  user_agent: s.userAgent,
  location_data: s.locationData,
  is_active: s.isActive,
  last_activity: pyIsoformat(s.lastActivity),
  created_at: pyIsoformat(s.createdAt),
  expires_at: pyIsoformat(s.expiresAt),
  is_current: s.isCurrent,
});
