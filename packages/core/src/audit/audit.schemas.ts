import { z } from 'zod';

import { isStorableText } from '../lib/storable-text.ts';

/**
 * The admin audit log (api-rest-challenges-admin §7.1): the 14 legacy actions, plus the actions of the
 * newer upstream's additions (feedback triage, user hard-delete, content edits through tRPC share the
 * legacy ones). `resource_type` values are the legacy ones.
 */
export const AUDIT_ACTIONS = [
  'user_patch',
  'user_delete',
  'exercise_create',
  'exercise_update',
  'exercise_duplicate',
  'exercise_archive',
  'challenge_create',
  'challenge_update',
  'challenge_duplicate',
  'challenge_archive',
  'badge_create',
  'badge_update',
  'badge_delete',
  'config_update',
  'export_csv',
  'feedback_update',
  'feedback_delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_RESOURCE_TYPES = [
  'user',
  'exercise',
  'challenge',
  'achievement',
  'settings',
  'feedback',
] as const;
export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number];

/** A JSON value as stored in `details` (plain data only). */
export type AuditJson =
  string | number | boolean | null | readonly AuditJson[] | { readonly [key: string]: AuditJson };

/** One field's change, as summarised in `details.changes` (secrets never appear: see audit.rules.ts). */
export interface AuditFieldChange {
  from: AuditJson;
  to: AuditJson;
}

/** What a use case records, in the same transaction as the change. */
export interface AuditEntryInput {
  action: AuditAction;
  resourceType: AuditResourceType | null;
  resourceId: number | null;
  /** The legacy details of §7.1 (e.g. `{title}`, `{fields}`), plus `changes` when a before/after exists. */
  details: Record<string, AuditJson> | null;
}

/** A filter text the database cannot hold (NUL, lone surrogate). */
export const AUDIT_FILTER_INVALID = 'Filtre invalide.';

export const AUDIT_LOG_MAX_LIMIT = 200;
export const AUDIT_LOG_DEFAULT_LIMIT = 50;

/** GET /api/admin/audit-log (§6.12): `skip`, `limit` (≤ 200), exact `action` / `resource_type` filters. */
export const ZListAuditLogInput = z.object({
  skip: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(AUDIT_LOG_MAX_LIMIT).default(AUDIT_LOG_DEFAULT_LIMIT),
  action: z
    .string()
    .trim()
    .max(50)
    .refine(isStorableText, { error: AUDIT_FILTER_INVALID })
    .optional(),
  resourceType: z
    .string()
    .trim()
    .max(30)
    .refine(isStorableText, { error: AUDIT_FILTER_INVALID })
    .optional(),
  adminUserId: z.number().int().min(1).max(2_147_483_647).optional(),
});
export type ListAuditLogInput = z.input<typeof ZListAuditLogInput>;

export const ZAuditEntryDto = z.object({
  id: z.number().int(),
  adminUserId: z.number().int().nullable(),
  adminUsername: z.string().nullable(),
  action: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.date(),
});
export type AuditEntryDto = z.infer<typeof ZAuditEntryDto>;

export const ZAuditLogDto = z.object({ items: z.array(ZAuditEntryDto), total: z.number().int() });
export type AuditLogDto = z.infer<typeof ZAuditLogDto>;
