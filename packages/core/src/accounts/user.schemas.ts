import { z } from 'zod';

import { ZDbId } from '../lib/db-id.ts';
import { ACCESS_SCOPES, ROLE_NAMES } from './auth.rules.ts';
import { passwordPolicyViolation } from './password.rules.ts';
import { AGE_GROUP_LABELS, parseAgeGroup } from './user.rules.ts';

/** `x@y.z` with no spaces (the legacy pattern, used everywhere). */
export const EMAIL_PATTERN = /^[^\s@\0]+@[^\s@\0]+\.[^\s@\0]+$/;

/** PostgreSQL text and jsonb cannot hold NUL characters: such input is refused, never sent to the database. */
export const hasNoNul = (value: string): boolean => !value.includes('\0');

export const LEARNING_STYLES = ['visuel', 'auditif', 'kinesthésique', 'lecture'] as const;
export const THEMES = [
  'spatial',
  'minimalist',
  'ocean',
  'dune',
  'forest',
  'peach',
  'dino',
  'neutral',
] as const;

export const USER_MESSAGES = {
  usernameRequired: "Le nom d'utilisateur est requis",
  usernameTooShort: "Le nom d'utilisateur doit contenir au moins 3 caractères",
  usernameTooLong: "Le nom d'utilisateur ne peut pas dépasser 50 caractères",
  usernameCharset:
    "Le nom d'utilisateur ne peut contenir que des lettres, des chiffres, « - » et « _ »",
  emailRequired: "L'email est requis",
  emailFormat: "Format d'email invalide",
  passwordRequired: 'Le mot de passe est requis',
  fullNameLength: 'Le nom complet doit contenir entre 2 et 100 caractères',
  duplicate: 'Un compte avec ces informations existe déjà',
  registrationClosed: 'Les inscriptions sont temporairement fermées.',
  noField: 'Aucun champ valide à mettre à jour.',
  profileEmail: 'Adresse email invalide.',
  profileEmailTaken: 'Cette adresse email est déjà utilisée.',
  profileFullName: 'Le nom complet ne peut pas dépasser 100 caractères.',
  gradeSystem: 'Système scolaire invalide. Valeurs : suisse ou unifie.',
  gradeLevelNumber: 'Le niveau scolaire doit être un nombre.',
  gradeLevelRange: (max: number) => `Le niveau scolaire doit être entre 1 et ${max}.`,
  learningStyle: `Style d'apprentissage invalide. Valeurs acceptées : ${LEARNING_STYLES.join(', ')}`,
  theme: `Thème invalide. Valeurs acceptées : ${THEMES.join(', ')}`,
  ageGroup: `Tranche d'âge invalide. Valeurs acceptées : ${Object.values(AGE_GROUP_LABELS).join(', ')}`,
  learningGoal: "L'objectif ne peut pas dépasser 100 caractères.",
  practiceRhythm: 'Le rythme ne peut pas dépasser 50 caractères.',
  preferences: 'Les préférences doivent être un objet JSON.',
  notFound: 'Utilisateur introuvable.',
  currentPasswordRequired: 'Le mot de passe actuel est requis.',
  newPasswordRequired: 'Le nouveau mot de passe est requis.',
  samePassword: "Le nouveau mot de passe doit être différent de l'ancien.",
  wrongCurrentPassword: 'Le mot de passe actuel est incorrect.',
  passwordChanged: 'Mot de passe mis à jour avec succès.',
  accountDeleted: 'Votre compte a été supprimé avec succès.',
  sessionNotFound: "Session non trouvée ou vous n'avez pas l'autorisation de la révoquer",
  sessionRevoked: 'Session révoquée avec succès',
  deleteOther: 'Non autorisé à supprimer cet utilisateur',
  deleteSelf: 'Utilisez DELETE /api/users/me pour supprimer votre compte.',
} as const;

// ---- field schemas (reused by the legacy REST bodies, whose keys are snake_case) ----------------

export const ZUsername = z
  .string({ error: USER_MESSAGES.usernameRequired })
  .trim()
  .min(1, USER_MESSAGES.usernameRequired)
  .min(3, USER_MESSAGES.usernameTooShort)
  .max(50, USER_MESSAGES.usernameTooLong)
  .regex(/^[\p{L}\p{N}_-]+$/u, USER_MESSAGES.usernameCharset);

export const ZRegistrationEmail = z
  .string({ error: USER_MESSAGES.emailRequired })
  .trim()
  .min(1, USER_MESSAGES.emailRequired)
  .regex(EMAIL_PATTERN, USER_MESSAGES.emailFormat)
  .max(100, USER_MESSAGES.emailFormat)
  .transform((e) => e.toLowerCase());

/** The one password policy (password.rules.ts), never trimmed. */
export const ZNewPassword = (requiredMessage: string) =>
  z
    .string({ error: requiredMessage })
    .min(1, requiredMessage)
    .superRefine((password, ctx) => {
      const violation = passwordPolicyViolation(password);
      if (violation) ctx.addIssue({ code: 'custom', message: violation });
    });

export const ZFullName = z
  .string({ error: USER_MESSAGES.fullNameLength })
  .trim()
  .max(100, USER_MESSAGES.fullNameLength)
  .refine(hasNoNul, USER_MESSAGES.fullNameLength)
  .refine((v) => v.length !== 1, USER_MESSAGES.fullNameLength)
  .transform((v) => (v === '' ? null : v));

export const ZRegisterInput = z.object({
  username: ZUsername,
  email: ZRegistrationEmail,
  password: ZNewPassword(USER_MESSAGES.passwordRequired),
  fullName: ZFullName.nullish().transform((v) => v ?? null),
});
export type RegisterInput = z.input<typeof ZRegisterInput>;

const nullableTrimmed = (max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .max(max, message)
    .refine(hasNoNul, message)
    .nullable()
    .transform((v) => (v === '' ? null : v));

const ZGradeLevel = z
  .union([z.number(), z.string()], { error: USER_MESSAGES.gradeLevelNumber })
  .transform((value, ctx) => {
    const n =
      typeof value === 'number'
        ? Number.isFinite(value)
          ? Math.trunc(value)
          : Number.NaN
        : /^\s*[+-]?\d+\s*$/.test(value)
          ? Number.parseInt(value, 10)
          : Number.NaN;
    if (Number.isNaN(n)) {
      ctx.addIssue({ code: 'custom', message: USER_MESSAGES.gradeLevelNumber });
      return z.NEVER;
    }
    if (n < 1 || n > 12) {
      ctx.addIssue({ code: 'custom', message: USER_MESSAGES.gradeLevelRange(12) });
      return z.NEVER;
    }
    return n;
  })
  .nullable();

const enumOrNull = (values: readonly string[], message: string) =>
  z
    .string({ error: message })
    .nullable()
    .transform((v, ctx) => {
      if (v === null || v === '') return null;
      if (!values.includes(v)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return v;
    });

/**
 * A profile update (domain-rules §9.1). A key present (even null) is an update; absent keys are left
 * alone. The key order is the legacy validation order: the first failing field's message is answered.
 */
export const ZUpdateProfileInput = z
  .object({
    email: z
      .string({ error: USER_MESSAGES.profileEmail })
      .trim()
      .toLowerCase()
      .regex(EMAIL_PATTERN, USER_MESSAGES.profileEmail)
      .max(100, USER_MESSAGES.profileEmail)
      .optional(),
    fullName: nullableTrimmed(100, USER_MESSAGES.profileFullName).optional(),
    gradeSystem: z
      .enum(['suisse', 'unifie'], { error: USER_MESSAGES.gradeSystem })
      .nullable()
      .optional(),
    gradeLevel: ZGradeLevel.optional(),
    learningStyle: enumOrNull(LEARNING_STYLES, USER_MESSAGES.learningStyle).optional(),
    preferredTheme: enumOrNull(THEMES, USER_MESSAGES.theme).optional(),
    preferredDifficulty: z
      .string({ error: USER_MESSAGES.ageGroup })
      .max(50, USER_MESSAGES.ageGroup)
      .nullable()
      .transform((v, ctx) => {
        if (v === null || v.trim() === '') return null;
        const group = parseAgeGroup(v);
        if (!group) {
          ctx.addIssue({ code: 'custom', message: USER_MESSAGES.ageGroup });
          return z.NEVER;
        }
        return AGE_GROUP_LABELS[group];
      })
      .optional(),
    learningGoal: nullableTrimmed(100, USER_MESSAGES.learningGoal).optional(),
    practiceRhythm: nullableTrimmed(50, USER_MESSAGES.practiceRhythm).optional(),
    /** Shallow-merged into the stored preferences; null resets them to `{}`. */
    accessibilitySettings: z
      .record(z.string(), z.unknown(), { error: USER_MESSAGES.preferences })
      .nullable()
      .refine((v) => v === null || JSON.stringify(v).length <= 16_384, USER_MESSAGES.preferences)
      .refine(
        (v) => v === null || !JSON.stringify(v).includes('\\u0000'),
        USER_MESSAGES.preferences,
      )
      .optional(),
  })
  .strict();
export type UpdateProfileInput = z.input<typeof ZUpdateProfileInput>;
export type UpdateProfileData = z.output<typeof ZUpdateProfileInput>;

export const ZChangePasswordInput = z.object({
  currentPassword: z
    .string({ error: USER_MESSAGES.currentPasswordRequired })
    .min(1, USER_MESSAGES.currentPasswordRequired)
    .max(1024),
  newPassword: z
    .string({ error: USER_MESSAGES.newPasswordRequired })
    .min(1, USER_MESSAGES.newPasswordRequired)
    .max(1024),
});
export type ChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

/** Ids are PostgreSQL `integer`s. */
const ZId = ZDbId;

export const ZSessionIdInput = z.object({ sessionId: ZId });
export type SessionIdInput = z.infer<typeof ZSessionIdInput>;

export const ZUserIdInput = z.object({ userId: ZId });

// ---- DTOs (zod schemas: the tRPC procedures' output schemas; the types are inferred from them) ----

const ZJsonRecord = z.record(z.string(), z.unknown());

export const ZUserProfileDto = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  fullName: z.string().nullable(),
  role: z.enum(ROLE_NAMES),
  isActive: z.boolean(),
  isEmailVerified: z.boolean(),
  accessScope: z.enum(ACCESS_SCOPES),
  gradeLevel: z.number().int().nullable(),
  gradeSystem: z.enum(['suisse', 'unifie']).nullable(),
  learningStyle: z.string().nullable(),
  /** An age group label (`9-11`…), the legacy `preferred_difficulty`. */
  preferredDifficulty: z.enum(Object.values(AGE_GROUP_LABELS)).nullable(),
  onboardingCompletedAt: z.date().nullable(),
  learningGoal: z.string().nullable(),
  practiceRhythm: z.string().nullable(),
  preferredTheme: z.string().nullable(),
  /** The preferences object (legacy `accessibility_settings`). */
  accessibilitySettings: ZJsonRecord,
  createdAt: z.date(),
  updatedAt: z.date(),
  totalPoints: z.number().int(),
  currentLevel: z.number().int(),
  experiencePoints: z.number().int(),
  jediRank: z.string(),
  avatarUrl: z.string().nullable(),
});
export type UserProfileDto = z.infer<typeof ZUserProfileDto>;

export const ZRegisteredUserDto = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  fullName: z.string().nullable(),
  role: z.enum(ROLE_NAMES),
  isActive: z.boolean(),
  isEmailVerified: z.boolean(),
  createdAt: z.date(),
});
export type RegisteredUserDto = z.infer<typeof ZRegisteredUserDto>;

export const ZSessionDto = z.object({
  id: z.number().int(),
  deviceInfo: ZJsonRecord.nullable(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  locationData: ZJsonRecord.nullable(),
  isActive: z.boolean(),
  lastActivity: z.date(),
  createdAt: z.date(),
  expiresAt: z.date(),
  /** The session the caller's access token belongs to. */
  isCurrent: z.boolean(),
});
export type SessionDto = z.infer<typeof ZSessionDto>;

export const ZSuccessMessageDto = z.object({ success: z.literal(true), message: z.string() });
export type SuccessMessageDto = z.infer<typeof ZSuccessMessageDto>;

export const ZUserExportDto = z.object({
  exportDate: z.date(),
  formatVersion: z.string(),
  profile: ZUserProfileDto,
  exerciseAttempts: z.array(
    z.object({
      exerciseId: z.number().int(),
      answer: z.string(),
      isCorrect: z.boolean(),
      timeSpent: z.number().nullable(),
      attemptNumber: z.number().int(),
      hintsUsed: z.number().int(),
      createdAt: z.date(),
    }),
  ),
  challengeAttempts: z.array(
    z.object({
      challengeId: z.number().int(),
      userSolution: z.string(),
      isCorrect: z.boolean(),
      timeSpent: z.number().nullable(),
      hintsUsed: z.number().int(),
      createdAt: z.date(),
    }),
  ),
  badgesEarned: z.array(
    z.object({
      achievementId: z.number().int(),
      earnedAt: z.date(),
      progressData: z.unknown(),
      isDisplayed: z.boolean(),
    }),
  ),
  progress: z.array(
    z.object({
      exerciseType: z.string(),
      totalAttempts: z.number().int(),
      correctAttempts: z.number().int(),
      lastAttemptAt: z.date().nullable(),
    }),
  ),
  recommendations: z.array(
    z.object({
      exerciseType: z.string().nullable(),
      priority: z.number(),
      isCompleted: z.boolean(),
      reason: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  sessions: z.array(ZSessionDto),
  notifications: z.array(
    z.object({
      type: z.string(),
      title: z.string(),
      message: z.string().nullable(),
      isRead: z.boolean(),
      createdAt: z.date(),
    }),
  ),
  feedbackReports: z.array(
    z.object({
      feedbackType: z.string(),
      description: z.string().nullable(),
      pageUrl: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  analyticsEvents: z.array(
    z.object({ event: z.string(), payload: z.unknown(), createdAt: z.date() }),
  ),
});
export type UserExportDto = z.infer<typeof ZUserExportDto>;
