/**
 * The admin back office (api-rest-challenges-admin §6.1–6.6, §6.10–6.16, upstream-v36 §14–15): inputs and
 * DTOs of the user management, reports, feedback triage, moderation, configuration, CSV export and
 * EdTech analytics use cases. The transports parse with these; the legacy wire lives in the api.
 */
import { z } from 'zod';

import { ROLE_NAMES } from '../accounts/index.ts';
import { EDTECH_EVENTS } from '../analytics/index.ts';
import { FEEDBACK_STATUSES, FEEDBACK_TYPES } from '../feedback/index.ts';
import { isStorableText } from '../lib/storable-text.ts';

const ZId = z.number().int().min(1).max(2_147_483_647);
const ZSkip = z.number().int().min(0).max(1_000_000).default(0);

export const ADMIN_MESSAGES = {
  userNotFound: 'Utilisateur non trouvé.',
  isActiveNotBoolean: 'Le champ is_active doit être un booléen.',
  invalidRole: `Rôle invalide. Valeurs: ${ROLE_NAMES.join(', ')}.`,
  nothingToPatch: 'Fournissez is_active et/ou role à modifier.',
  selfDeactivate: 'Vous ne pouvez pas désactiver votre propre compte.',
  selfDemote: 'Vous ne pouvez pas rétrograder votre propre rôle.',
  selfDelete: 'Vous ne pouvez pas supprimer votre propre compte.',
  userDeleted: 'Utilisateur supprimé.',
  resetSent: 'Email de réinitialisation envoyé.',
  inactiveNoMail: "Compte désactivé, impossible d'envoyer l'email.",
  mailFailed: "Impossible d'envoyer l'email. Réessayez plus tard.",
  alreadyVerified: "L'email est déjà vérifié.",
  verificationSent: 'Email de vérification envoyé.',
  invalidPeriod: 'period invalide. Valeurs: 7d, 30d.',
  invalidSearch: 'Recherche invalide.',
  settingsNotObject: "'settings' doit être un objet",
  invalidExportType: 'type invalide. Valeurs: users, exercises, attempts, overview.',
  feedbackNotFound: 'Retour introuvable',
  feedbackInvalidId: 'Identifiant feedback invalide',
  feedbackStatusRequired: 'Champ status requis (new, read, resolved)',
  feedbackStatusInvalid: 'Statut invalide (new, read, resolved)',
} as const;

// ---- health, overview, reports ---------------------------------------------------------------------

export const ZAdminHealthDto = z.object({ status: z.literal('ok'), admin: z.literal(true) });
export type AdminHealthDto = z.infer<typeof ZAdminHealthDto>;

export const ZAdminOverviewDto = z.object({
  totalUsers: z.number().int(),
  totalExercises: z.number().int(),
  totalChallenges: z.number().int(),
  totalAttempts: z.number().int(),
});
export type AdminOverviewDto = z.infer<typeof ZAdminOverviewDto>;

export const REPORT_PERIODS = ['7d', '30d'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export const PERIOD_DAYS: Record<ReportPeriod, number> = { '7d': 7, '30d': 30 };

/** §6.10: `period` 7d (default) or 30d, trimmed and lower-cased; anything else is a 400. */
export const ZAdminReportInput = z.object({
  period: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(REPORT_PERIODS, { error: ADMIN_MESSAGES.invalidPeriod }))
    .default('7d'),
});
export type AdminReportInput = z.input<typeof ZAdminReportInput>;

export const ZAdminReportDto = z.object({
  period: z.enum(REPORT_PERIODS),
  days: z.number().int(),
  newUsers: z.number().int(),
  attemptsExercises: z.number().int(),
  attemptsChallenges: z.number().int(),
  totalAttempts: z.number().int(),
  /** Percentage with one decimal; 0 without attempts. */
  successRate: z.number(),
  activeUsers: z.number().int(),
});
export type AdminReportDto = z.infer<typeof ZAdminReportDto>;

// ---- users ------------------------------------------------------------------------------------------

export const ADMIN_USERS_DEFAULT_LIMIT = 20;
export const ADMIN_USERS_MAX_LIMIT = 100;

export const ZAdminListUsersInput = z.object({
  search: z
    .string()
    .trim()
    .max(200)
    .refine(isStorableText, { error: ADMIN_MESSAGES.invalidSearch })
    .optional(),
  role: z.enum(ROLE_NAMES).optional(),
  isActive: z.boolean().optional(),
  skip: ZSkip,
  limit: z.number().int().min(1).max(ADMIN_USERS_MAX_LIMIT).default(ADMIN_USERS_DEFAULT_LIMIT),
});
export type AdminListUsersInput = z.input<typeof ZAdminListUsersInput>;

export const ZAdminUserDto = z.object({
  id: ZId,
  username: z.string(),
  email: z.string(),
  fullName: z.string().nullable(),
  role: z.enum(ROLE_NAMES),
  isActive: z.boolean(),
  isEmailVerified: z.boolean(),
  createdAt: z.date(),
});
export type AdminUserDto = z.infer<typeof ZAdminUserDto>;

export const ZAdminUserListDto = z.object({ items: z.array(ZAdminUserDto), total: z.number() });
export type AdminUserListDto = z.infer<typeof ZAdminUserListDto>;

export const ZAdminUserIdInput = z.object({ userId: ZId });
export type AdminUserIdInput = z.infer<typeof ZAdminUserIdInput>;

/**
 * §6.4: `isActive` and/or `role`. The role is trimmed and lower-cased; `rawRole` keeps what was sent for the
 * audit entry (§7.1 records the raw value).
 */
export const ZAdminPatchUserFields = z.object({
  /** A JSON null counts as absent. */
  isActive: z.boolean({ error: ADMIN_MESSAGES.isActiveNotBoolean }).nullish(),
  role: z
    .string({ error: ADMIN_MESSAGES.invalidRole })
    .max(50, { error: ADMIN_MESSAGES.invalidRole })
    .nullish(),
});

/** The request as the clean API takes it (before the rules of the transform below). */
export const ZAdminPatchUserRequest = ZAdminPatchUserFields.extend({ userId: ZId });

export const ZAdminPatchUserInput = ZAdminPatchUserRequest.transform((input, ctx) => {
  const sentRole = input.role ?? undefined;
  const isActive = input.isActive ?? undefined;
  const role =
    sentRole === undefined
      ? undefined
      : ROLE_NAMES.find((r) => r === sentRole.trim().toLowerCase());
  if (sentRole !== undefined && role === undefined) {
    ctx.addIssue({ code: 'custom', message: ADMIN_MESSAGES.invalidRole, path: ['role'] });
    return z.NEVER;
  }
  if (isActive === undefined && role === undefined) {
    ctx.addIssue({ code: 'custom', message: ADMIN_MESSAGES.nothingToPatch });
    return z.NEVER;
  }
  return { userId: input.userId, isActive, role, rawRole: sentRole };
});
export type AdminPatchUserInput = z.input<typeof ZAdminPatchUserInput>;

export const ZAdminPatchedUserDto = z.object({
  id: ZId,
  username: z.string(),
  isActive: z.boolean(),
  role: z.enum(ROLE_NAMES),
});
export type AdminPatchedUserDto = z.infer<typeof ZAdminPatchedUserDto>;

export const ZAdminMessageDto = z.object({ message: z.string() });
export type AdminMessageDto = z.infer<typeof ZAdminMessageDto>;

// ---- feedback ---------------------------------------------------------------------------------------

export const ADMIN_FEEDBACK_LIMIT = 500;

export const ZAdminFeedbackDto = z.object({
  id: ZId,
  userId: ZId.nullable(),
  username: z.string().nullable(),
  feedbackType: z.enum(FEEDBACK_TYPES),
  pageUrl: z.string().nullable(),
  exerciseId: ZId.nullable(),
  challengeId: ZId.nullable(),
  description: z.string().nullable(),
  status: z.enum(FEEDBACK_STATUSES),
  createdAt: z.date(),
});
export type AdminFeedbackDto = z.infer<typeof ZAdminFeedbackDto>;
export const ZAdminFeedbackListDto = z.object({ feedback: z.array(ZAdminFeedbackDto) });
export type AdminFeedbackListDto = z.infer<typeof ZAdminFeedbackListDto>;

export const ZAdminFeedbackIdInput = z.object({ feedbackId: ZId });
export type AdminFeedbackIdInput = z.infer<typeof ZAdminFeedbackIdInput>;

/** upstream-v36 §15: `status` trimmed, case-insensitive, one of new / read / resolved. */
export const ZAdminFeedbackStatus = z
  .string({ error: ADMIN_MESSAGES.feedbackStatusRequired })
  .max(50, { error: ADMIN_MESSAGES.feedbackStatusInvalid })
  .trim()
  .toLowerCase()
  .refine((s) => s !== '', { error: ADMIN_MESSAGES.feedbackStatusRequired, abort: true })
  .pipe(z.enum(FEEDBACK_STATUSES, { error: ADMIN_MESSAGES.feedbackStatusInvalid }));

export const ZAdminUpdateFeedbackInput = z.object({
  feedbackId: ZId,
  status: ZAdminFeedbackStatus,
});
export type AdminUpdateFeedbackInput = z.input<typeof ZAdminUpdateFeedbackInput>;
export const ZAdminFeedbackStatusDto = z.object({ id: ZId, status: z.enum(FEEDBACK_STATUSES) });
export type AdminFeedbackStatusDto = z.infer<typeof ZAdminFeedbackStatusDto>;
export const ZAdminFeedbackDeletedDto = z.object({ success: z.literal(true), id: ZId });
export type AdminFeedbackDeletedDto = z.infer<typeof ZAdminFeedbackDeletedDto>;

// ---- moderation -------------------------------------------------------------------------------------

export const MODERATION_TYPES = ['all', 'exercises', 'challenges'] as const;
export const MODERATION_DEFAULT_LIMIT = 50;
export const MODERATION_MAX_LIMIT = 100;

/** §6.13: `type` all / exercises / challenges; any other value gives empty lists (the legacy quirk). */
export const ZAdminModerationInput = z.object({
  type: z.string().trim().toLowerCase().max(50).default('all'),
  skip: ZSkip,
  limit: z.number().int().min(1).max(MODERATION_MAX_LIMIT).default(MODERATION_DEFAULT_LIMIT),
});
export type AdminModerationInput = z.input<typeof ZAdminModerationInput>;

export const ZModerationExerciseDto = z.object({
  id: ZId,
  title: z.string(),
  exerciseType: z.string(),
  ageGroup: z.string(),
  isArchived: z.boolean(),
  createdAt: z.date(),
});
export const ZModerationChallengeDto = z.object({
  id: ZId,
  title: z.string(),
  challengeType: z.string(),
  ageGroup: z.string(),
  isArchived: z.boolean(),
  createdAt: z.date(),
});
export const ZAdminModerationDto = z.object({
  exercises: z.array(ZModerationExerciseDto),
  challenges: z.array(ZModerationChallengeDto),
  totalExercises: z.number().int(),
  totalChallenges: z.number().int(),
});
export type AdminModerationDto = z.infer<typeof ZAdminModerationDto>;

// ---- configuration ----------------------------------------------------------------------------------

export const ZAdminSettingDto = z.object({
  key: z.string(),
  value: z.union([z.boolean(), z.number().int()]),
  type: z.enum(['bool', 'int']),
  category: z.string(),
  label: z.string(),
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
});
export type AdminSettingDto = z.infer<typeof ZAdminSettingDto>;
export const ZAdminConfigDto = z.object({ settings: z.array(ZAdminSettingDto) });
export type AdminConfigDto = z.infer<typeof ZAdminConfigDto>;

/** §6.14 PUT: any JSON values by key (stored per the key's type; unknown keys only reach the audit). */
export const ZAdminUpdateConfigInput = z.object({
  settings: z.record(z.string().max(255), z.unknown()),
});
export type AdminUpdateConfigInput = z.input<typeof ZAdminUpdateConfigInput>;
export const ZAdminStatusOkDto = z.object({ status: z.literal('ok') });
export type AdminStatusOkDto = z.infer<typeof ZAdminStatusOkDto>;

// ---- CSV export -------------------------------------------------------------------------------------

export const EXPORT_TYPES = ['users', 'exercises', 'attempts', 'overview'] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];

/** §6.15: `type` (default users; else 400), `period` any text (7d / 30d filter, anything else: none). */
export const ZAdminExportInput = z.object({
  type: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(EXPORT_TYPES, { error: ADMIN_MESSAGES.invalidExportType }))
    .default('users'),
  period: z.string().trim().toLowerCase().max(50).default('all'),
});
export type AdminExportInput = z.input<typeof ZAdminExportInput>;

/** One CSV cell before formatting: the transport writes booleans, dates and nulls its own way. */
export type ExportCell = string | number | boolean | Date | null;

/**
 * The export (§7.3): the file name, the header and the rows, read batch by batch as the consumer pulls
 * them (at most `max_export_rows`), so a large table never sits in memory.
 */
export interface AdminExportDto {
  type: ExportType;
  period: string;
  filename: string;
  columns: readonly string[];
  rows: AsyncIterable<readonly ExportCell[]>;
}

// ---- EdTech analytics -------------------------------------------------------------------------------

export const EDTECH_DEFAULT_LIMIT = 200;
export const EDTECH_MAX_LIMIT = 500;

export const ZAdminEdtechInput = z.object({
  /** `30d` → 30 days, anything else 7; echoed back as sent. */
  period: z.string().max(50).default('7d'),
  /** Applied only when it names an event (case-insensitive). */
  event: z.string().max(50).optional(),
  limit: z.number().int().min(1).max(EDTECH_MAX_LIMIT).default(EDTECH_DEFAULT_LIMIT),
});
export type AdminEdtechInput = z.input<typeof ZAdminEdtechInput>;

const ZByType = z.object({ exercise: z.number().int(), challenge: z.number().int() });
export const ZEdtechAggregateDto = z.object({
  count: z.number().int(),
  avgTimeToFirstAttemptMs: z.number().nullable(),
  byType: ZByType.optional(),
});
export const ZEdtechEventDto = z.object({
  id: ZId,
  userId: ZId.nullable(),
  event: z.enum(EDTECH_EVENTS),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
});
export const ZAdminEdtechDto = z.object({
  period: z.string(),
  since: z.date(),
  aggregates: z.record(z.string(), ZEdtechAggregateDto),
  ctrSummary: z
    .object({
      totalClicks: z.number().int(),
      guidedClicks: z.number().int(),
      guidedRatePct: z.number(),
      byType: ZByType,
    })
    .nullable(),
  uniqueUsers: z.number().int(),
  events: z.array(ZEdtechEventDto),
});
export type AdminEdtechDto = z.infer<typeof ZAdminEdtechDto>;
