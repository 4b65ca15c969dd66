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
  type UserExportDto,
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

const profileFields = {
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

export const ZLegacyExport = wire({
  export_date: ZPyDateTime,
  format_version: z.string(),
  profile: wire({
    ...profileFields,
    is_active: z.boolean(),
    experience_points: z.number(),
    avatar_url: z.string().nullable(),
    updated_at: ZPyDateTime,
  }),
  exercise_attempts: z.array(
    wire({
      exercise_id: z.number(),
      answer: z.string(),
      is_correct: z.boolean(),
      time_spent: z.number().nullable(),
      attempt_number: z.number(),
      hints_used: z.number(),
      created_at: ZPyDateTime,
    }),
  ),
  challenge_attempts: z.array(
    wire({
      challenge_id: z.number(),
      user_solution: z.string(),
      is_correct: z.boolean(),
      time_spent: z.number().nullable(),
      hints_used: z.number(),
      created_at: ZPyDateTime,
    }),
  ),
  badges_earned: z.array(
    wire({
      achievement_id: z.number(),
      earned_at: ZPyDateTime,
      progress_data: z.unknown(),
      is_displayed: z.boolean(),
    }),
  ),
  progress: z.array(
    wire({
      exercise_type: z.string(),
      difficulty: z.null(),
      total_attempts: z.number(),
      correct_attempts: z.number(),
      success_rate: z.number().nullable(),
      last_attempt_at: ZPyDateTime.nullable(),
    }),
  ),
  recommendations: z.array(
    wire({
      exercise_type: z.string().nullable(),
      priority: z.number(),
      is_completed: z.boolean(),
      reason: z.string().nullable(),
      created_at: ZPyDateTime,
    }),
  ),
  sessions: z.array(ZLegacySession),
  notifications: z.array(
    wire({
      type: z.string(),
      title: z.string(),
      message: z.string().nullable(),
      is_read: z.boolean(),
      created_at: ZPyDateTime,
    }),
  ),
  feedback_reports: z.array(
    wire({
      feedback_type: z.string(),
      description: z.string().nullable(),
      page_url: z.string().nullable(),
      created_at: ZPyDateTime,
    }),
  ),
  analytics_events: z.array(
    wire({ event: z.string(), payload: z.unknown(), created_at: ZPyDateTime }),
  ),
  statistics: wire({
    total_exercise_attempts: z.number(),
    total_challenge_attempts: z.number(),
    total_badges: z.number(),
    total_progress_records: z.number(),
    total_recommendations: z.number(),
  }),
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

/** GDPR export (api-rest-core §6.3.7) plus what the legacy left out (sessions, notifications, reports). */
export const toLegacyExport = (e: UserExportDto) => {
  const p = e.profile;
  const exerciseAttempts = e.exerciseAttempts.map((a) => ({
    exercise_id: a.exerciseId,
    answer: a.answer,
    is_correct: a.isCorrect,
    time_spent: a.timeSpent,
    attempt_number: a.attemptNumber,
    hints_used: a.hintsUsed,
    created_at: pyIsoformat(a.createdAt),
  }));
  const challengeAttempts = e.challengeAttempts.map((a) => ({
    challenge_id: a.challengeId,
    user_solution: a.userSolution,
    is_correct: a.isCorrect,
    time_spent: a.timeSpent,
    hints_used: a.hintsUsed,
    created_at: pyIsoformat(a.createdAt),
  }));
  const badges = e.badgesEarned.map((b) => ({
    achievement_id: b.achievementId,
    earned_at: pyIsoformat(b.earnedAt),
    progress_data: b.progressData ?? null,
    is_displayed: b.isDisplayed,
  }));
  const progress = e.progress.map((r) => ({
    exercise_type: r.exerciseType,
    difficulty: null,
    total_attempts: r.totalAttempts,
    correct_attempts: r.correctAttempts,
    success_rate: r.totalAttempts > 0 ? r.correctAttempts / r.totalAttempts : null,
    last_attempt_at: pyIsoformatOrNull(r.lastAttemptAt),
  }));
  const recommendations = e.recommendations.map((r) => ({
    exercise_type: r.exerciseType,
    priority: r.priority,
    is_completed: r.isCompleted,
    reason: r.reason,
    created_at: pyIsoformat(r.createdAt),
  }));
  return {
    export_date: pyIsoformat(e.exportDate),
    format_version: e.formatVersion,
    profile: {
      id: p.id,
      username: p.username,
      email: p.email,
      full_name: p.fullName,
      role: p.role,
      is_active: p.isActive,
      is_email_verified: p.isEmailVerified,
      grade_level: p.gradeLevel,
      grade_system: p.gradeSystem,
      learning_style: p.learningStyle,
      preferred_difficulty: p.preferredDifficulty,
      preferred_theme: p.preferredTheme,
      learning_goal: p.learningGoal,
      practice_rhythm: p.practiceRhythm,
      onboarding_completed_at: pyIsoformatOrNull(p.onboardingCompletedAt),
      accessibility_settings: p.accessibilitySettings,
      total_points: p.totalPoints,
      current_level: p.currentLevel,
      experience_points: p.experiencePoints,
      jedi_rank: p.jediRank,
      avatar_url: p.avatarUrl,
      created_at: pyIsoformat(p.createdAt),
      updated_at: pyIsoformat(p.updatedAt),
    },
    exercise_attempts: exerciseAttempts,
    challenge_attempts: challengeAttempts,
    badges_earned: badges,
    progress,
    recommendations,
    sessions: e.sessions.map(toLegacySession),
    notifications: e.notifications.map((n) => ({
      type: n.type,
      title: n.title,
      message: n.message,
      is_read: n.isRead,
      created_at: pyIsoformat(n.createdAt),
    })),
    feedback_reports: e.feedbackReports.map((f) => ({
      feedback_type: f.feedbackType.toLowerCase(),
      description: f.description,
      page_url: f.pageUrl,
      created_at: pyIsoformat(f.createdAt),
    })),
    analytics_events: e.analyticsEvents.map((a) => ({
      event: a.event.toLowerCase(),
      payload: a.payload,
      created_at: pyIsoformat(a.createdAt),
    })),
    statistics: {
      total_exercise_attempts: exerciseAttempts.length,
      total_challenge_attempts: challengeAttempts.length,
      total_badges: badges.length,
      total_progress_records: progress.length,
      total_recommendations: recommendations.length,
    },
  };
};
