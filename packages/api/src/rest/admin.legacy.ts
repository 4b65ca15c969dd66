/**
 * The legacy wire of the back office (api-rest-challenges-admin §6.1–6.6, §6.10–6.16, upstream-v36 §14–15):
 * query readers (the §1.6 pagination helper), path parameters, bodies built from core's schemas, response
 * schemas and the core DTO → legacy body mappers.
 */
import { z } from 'zod';

import {
  ADMIN_MESSAGES,
  ADMIN_USERS_DEFAULT_LIMIT,
  ADMIN_USERS_MAX_LIMIT,
  AUDIT_LOG_DEFAULT_LIMIT,
  AUDIT_LOG_MAX_LIMIT,
  EDTECH_DEFAULT_LIMIT,
  EDTECH_MAX_LIMIT,
  MODERATION_DEFAULT_LIMIT,
  MODERATION_MAX_LIMIT,
  ROLE_NAMES,
  ZAdminFeedbackIdInput,
  ZAdminPatchUserFields,
  ZAdminUpdateFeedbackInput,
  ZAdminUserIdInput,
  type AdminEdtechDto,
  type AdminFeedbackListDto,
  type AdminModerationDto,
  type AdminReportDto,
  type AdminUserListDto,
  type AuditLogDto,
  type RoleName,
} from '@mathakine/core';

import { pyFloat, pyIsoformat } from '../legacy/format.ts';
import { idParam, queryValue, validatedByCore } from '../legacy/inputs.ts';
import { clampPyInt, pyInt } from '../legacy/py-int.ts';
import { wire, ZJsonObject, ZPyDateTime, ZPyFloat } from '../legacy/wire.ts';

const MAX_SKIP = 1_000_000;

/** §1.6: `skip` not an int or negative → 0; `limit` missing / not an int → default, else clamped to [1, max]. */
const legacyPage = (
  q: { skip?: string | undefined; limit?: string | undefined },
  defaultLimit: number,
  maxLimit: number,
) => {
  const limit = pyInt(q.limit);
  return {
    skip: clampPyInt(pyInt(q.skip) ?? 0n, 0, MAX_SKIP),
    limit: limit === null ? defaultLimit : clampPyInt(limit, 1, maxLimit),
  };
};

// ---- path parameters --------------------------------------------------------------------------------

export const ZLegacyAdminUserParams = z.object({
  user_id: idParam(ZAdminUserIdInput.shape.userId, ADMIN_MESSAGES.userNotFound),
});

export const ZLegacyAdminFeedbackParams = z.object({
  feedback_id: idParam(ZAdminFeedbackIdInput.shape.feedbackId, ADMIN_MESSAGES.feedbackNotFound),
});

// ---- queries ----------------------------------------------------------------------------------------

/** §6.3: `role` filters only when it names a role; `is_active` true for `true` / `1` / `yes`. */
export const ZLegacyAdminUsersQuery = z
  .object({
    search: queryValue(),
    role: queryValue(),
    is_active: queryValue(),
    skip: queryValue(),
    limit: queryValue(),
  })
  .transform((q) => {
    const role = ROLE_NAMES.find((r) => r === q.role?.trim().toLowerCase());
    const search = q.search?.trim().slice(0, 200);
    return {
      ...legacyPage(q, ADMIN_USERS_DEFAULT_LIMIT, ADMIN_USERS_MAX_LIMIT),
      ...(search ? { search } : {}),
      ...(role ? { role } : {}),
      ...(q.is_active === undefined
        ? {}
        : { isActive: ['true', '1', 'yes'].includes(q.is_active.trim().toLowerCase()) }),
    };
  });

export const ZLegacyAdminPeriodQuery = z.object({ period: queryValue() });

/** §6.12: exact `action` / `resource_type` filters (trimmed; blank is no filter). */
export const ZLegacyAuditLogQuery = z
  .object({
    skip: queryValue(),
    limit: queryValue(),
    action: queryValue(),
    resource_type: queryValue(),
  })
  .transform((q) => ({
    ...legacyPage(q, AUDIT_LOG_DEFAULT_LIMIT, AUDIT_LOG_MAX_LIMIT),
    // Cut to the column's width (no stored value is longer).
    action: q.action?.trim().slice(0, 50) || undefined,
    resourceType: q.resource_type?.trim().slice(0, 30) || undefined,
  }));

export const ZLegacyModerationQuery = z
  .object({ type: queryValue(), skip: queryValue(), limit: queryValue() })
  .transform((q) => ({
    ...legacyPage(q, MODERATION_DEFAULT_LIMIT, MODERATION_MAX_LIMIT),
    // Beyond the known names any text gives empty lists; cut so the core bound never rejects it.
    type: (q.type ?? 'all').slice(0, 50),
  }));

export const ZLegacyExportQuery = z
  .object({ type: queryValue(), period: queryValue() })
  .transform((q) => ({
    type: (q.type ?? 'users').slice(0, 50),
    period: (q.period ?? 'all').slice(0, 50),
  }));

export const ZLegacyEdtechQuery = z
  .object({ period: queryValue(), event: queryValue(), limit: queryValue(), skip: queryValue() })
  .transform((q) => ({
    period: (q.period ?? '7d').slice(0, 50),
    ...(q.event === undefined ? {} : { event: q.event.slice(0, 50) }),
    limit: legacyPage(q, EDTECH_DEFAULT_LIMIT, EDTECH_MAX_LIMIT).limit,
  }));

// ---- bodies -----------------------------------------------------------------------------------------

/** §6.4: the fields are judged by core, in the legacy order (type, role, presence, self rules). */
export const ZLegacyPatchUserBody = z.object({
  is_active: validatedByCore(ZAdminPatchUserFields.shape.isActive),
  role: validatedByCore(ZAdminPatchUserFields.shape.role),
});

/** upstream-v36 §15: `{status}`, judged by core (required, then one of new / read / resolved). */
export const ZLegacyFeedbackStatusBody = z.object({
  status: validatedByCore(ZAdminUpdateFeedbackInput.shape.status),
});

/** §6.14: `settings` missing or falsy → `{}`; any other non-object → 400. */
export const ZLegacyConfigBody = z
  .object({ settings: z.unknown().optional() })
  .transform((body, ctx) => {
    const sent = body.settings;
    if (!sent) return { settings: {} };
    if (typeof sent !== 'object' || Array.isArray(sent)) {
      ctx.addIssue({
        code: 'custom',
        message: ADMIN_MESSAGES.settingsNotObject,
        path: ['settings'],
      });
      return z.NEVER;
    }
    return { settings: sent as Record<string, unknown> };
  });

// ---- responses --------------------------------------------------------------------------------------

export const ZLegacyAdminHealth = wire({ status: z.literal('ok'), admin: z.literal(true) });

export const ZLegacyOverview = wire({
  total_users: z.number(),
  total_exercises: z.number(),
  total_challenges: z.number(),
  total_attempts: z.number(),
});

const ZLegacyRole = z.enum(ROLE_NAMES);

export const ZLegacyAdminUserList = wire({
  items: z.array(
    wire({
      id: z.number(),
      username: z.string(),
      email: z.string(),
      full_name: z.string().nullable(),
      role: ZLegacyRole,
      is_active: z.boolean(),
      is_email_verified: z.boolean(),
      created_at: ZPyDateTime.nullable(),
    }),
  ),
  total: z.number(),
});

export const toLegacyAdminUserList = (list: AdminUserListDto) => ({
  items: list.items.map((u) => ({
    id: u.id,
    username: u.username,
    email: u.email,
    full_name: u.fullName,
    role: u.role,
    is_active: u.isActive,
    is_email_verified: u.isEmailVerified,
    created_at: pyIsoformat(u.createdAt),
  })),
  total: list.total,
});

export const ZLegacyPatchedUser = wire({
  id: z.number(),
  username: z.string(),
  is_active: z.boolean(),
  role: ZLegacyRole,
});
export const toLegacyPatchedUser = (u: {
  id: number;
  username: string;
  isActive: boolean;
  role: RoleName;
}) => ({ id: u.id, username: u.username, is_active: u.isActive, role: u.role });

export const ZLegacyReport = wire({
  period: z.enum(['7d', '30d']),
  days: z.number(),
  new_users: z.number(),
  attempts_exercises: z.number(),
  attempts_challenges: z.number(),
  total_attempts: z.number(),
  success_rate: ZPyFloat,
  active_users: z.number(),
});
export const toLegacyReport = (r: AdminReportDto) => ({
  period: r.period,
  days: r.days,
  new_users: r.newUsers,
  attempts_exercises: r.attemptsExercises,
  attempts_challenges: r.attemptsChallenges,
  total_attempts: r.totalAttempts,
  success_rate: pyFloat(r.successRate),
  active_users: r.activeUsers,
});

export const ZLegacyAdminFeedbackList = wire({
  feedback: z.array(
    wire({
      id: z.number(),
      user_id: z.number().nullable(),
      username: z.string().nullable(),
      feedback_type: z.enum(['exercise', 'challenge', 'ui', 'other']),
      page_url: z.string().nullable(),
      exercise_id: z.number().nullable(),
      challenge_id: z.number().nullable(),
      description: z.string().nullable(),
      status: z.enum(['new', 'read', 'resolved']),
      created_at: ZPyDateTime,
    }),
  ),
});
export const toLegacyAdminFeedbackList = (list: AdminFeedbackListDto) => ({
  feedback: list.feedback.map((f) => ({
    id: f.id,
    user_id: f.userId,
    username: f.username,
    feedback_type: f.feedbackType,
    page_url: f.pageUrl,
    exercise_id: f.exerciseId,
    challenge_id: f.challengeId,
    description: f.description,
    status: f.status,
    created_at: pyIsoformat(f.createdAt),
  })),
});

export const ZLegacyFeedbackStatus = wire({
  id: z.number(),
  status: z.enum(['new', 'read', 'resolved']),
});
export const ZLegacyFeedbackDeleted = wire({ success: z.literal(true), id: z.number() });

export const ZLegacyAuditLog = wire({
  items: z.array(
    wire({
      id: z.number(),
      admin_user_id: z.number().nullable(),
      admin_username: z.string().nullable(),
      action: z.string(),
      resource_type: z.string().nullable(),
      resource_id: z.number().nullable(),
      details: ZJsonObject.nullable(),
      created_at: ZPyDateTime,
    }),
  ),
  total: z.number(),
});
export const toLegacyAuditLog = (log: AuditLogDto) => ({
  items: log.items.map((e) => ({
    id: e.id,
    admin_user_id: e.adminUserId,
    admin_username: e.adminUsername,
    action: e.action,
    resource_type: e.resourceType,
    resource_id: e.resourceId,
    details: e.details,
    created_at: pyIsoformat(e.createdAt),
  })),
  total: log.total,
});

/** The admin endpoints speak the legacy database's age codes (§2.3, §9.5), not the public ones. */
const LEGACY_ADMIN_AGE_CODES: Readonly<Record<string, string>> = {
  '6-8': 'GROUP_6_8',
  '9-11': 'GROUP_10_12',
  '12-14': 'GROUP_13_15',
  '15-17': 'GROUP_15_17',
  adulte: 'ADULT',
  'tous-ages': 'ALL_AGES',
};

export const ZLegacyModeration = wire({
  exercises: z.array(
    wire({
      id: z.number(),
      title: z.string(),
      exercise_type: z.string(),
      age_group: z.string(),
      is_archived: z.boolean(),
      created_at: ZPyDateTime,
    }),
  ),
  challenges: z.array(
    wire({
      id: z.number(),
      title: z.string(),
      challenge_type: z.string(),
      age_group: z.string(),
      is_archived: z.boolean(),
      created_at: ZPyDateTime,
    }),
  ),
  total_exercises: z.number(),
  total_challenges: z.number(),
});
export const toLegacyModeration = (m: AdminModerationDto) => ({
  exercises: m.exercises.map((e) => ({
    id: e.id,
    title: e.title,
    exercise_type: e.exerciseType,
    age_group: e.ageGroup,
    is_archived: e.isArchived,
    created_at: pyIsoformat(e.createdAt),
  })),
  challenges: m.challenges.map((c) => ({
    id: c.id,
    title: c.title,
    challenge_type: c.challengeType,
    age_group: LEGACY_ADMIN_AGE_CODES[c.ageGroup] ?? 'ALL_AGES',
    is_archived: c.isArchived,
    created_at: pyIsoformat(c.createdAt),
  })),
  total_exercises: m.totalExercises,
  total_challenges: m.totalChallenges,
});

export const ZLegacyConfig = wire({
  settings: z.array(
    wire({
      key: z.string(),
      value: z.union([z.boolean(), z.number()]),
      type: z.enum(['bool', 'int']),
      category: z.string(),
      label: z.string(),
      min: z.number().nullable(),
      max: z.number().nullable(),
    }),
  ),
});
export const ZLegacyStatusOk = wire({ status: z.literal('ok') });

const ZLegacyByType = wire({ exercise: z.number(), challenge: z.number() });
export const ZLegacyEdtech = wire({
  period: z.string(),
  since: ZPyDateTime,
  aggregates: z.record(
    z.string(),
    wire({
      count: z.number(),
      avg_time_to_first_attempt_ms: ZPyFloat.nullable(),
      by_type: ZLegacyByType.optional(),
    }),
  ),
  ctr_summary: z.union([
    wire({}),
    wire({
      total_clicks: z.number(),
      guided_clicks: z.number(),
      guided_rate_pct: ZPyFloat,
      by_type: ZLegacyByType,
    }),
  ]),
  unique_users: z.number(),
  events: z.array(
    wire({
      id: z.number(),
      user_id: z.number().nullable(),
      event: z.string(),
      payload: ZJsonObject,
      created_at: ZPyDateTime,
    }),
  ),
});
const NO_CLICKS: Record<string, never> = {};

export const toLegacyEdtech = (r: AdminEdtechDto) => ({
  period: r.period,
  since: pyIsoformat(r.since),
  aggregates: Object.fromEntries(
    Object.entries(r.aggregates).map(([event, a]) => [
      event,
      {
        count: a.count,
        avg_time_to_first_attempt_ms:
          a.avgTimeToFirstAttemptMs === null ? null : pyFloat(a.avgTimeToFirstAttemptMs),
        ...(a.byType ? { by_type: a.byType } : {}),
      },
    ]),
  ),
  ctr_summary: r.ctrSummary
    ? {
        total_clicks: r.ctrSummary.totalClicks,
        guided_clicks: r.ctrSummary.guidedClicks,
        guided_rate_pct: pyFloat(r.ctrSummary.guidedRatePct),
        by_type: r.ctrSummary.byType,
      }
    : NO_CLICKS,
  unique_users: r.uniqueUsers,
  events: r.events.map((e) => ({
    id: e.id,
    user_id: e.userId,
    event: e.event,
    payload: e.payload,
    created_at: pyIsoformat(e.createdAt),
  })),
});
