/**
 * Input helpers shared by the admin content use cases (exercises, challenges, badges): text that is safe
 * to store (control and invisible characters and lone surrogates removed, bounded), free JSON that is safe
 * to store in a `jsonb` column (bounded depth and size, no NUL in strings, finite numbers), and the legacy
 * truthiness of the admin boolean fields. Pure; never throws.
 */
import { z } from 'zod';

import { AppError } from '../kernel/errors.ts';
import { stripUnsafeCharacters } from './text.ts';

/** A stored text: unsafe characters removed, then trimmed. */
export const adminText = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => stripUnsafeCharacters(s).trim())
    .pipe(z.string().max(max));

/** Same, `null` when empty after trimming (the legacy "empty → null"). */
export const adminOptionalText = (max: number) =>
  adminText(max).transform((s) => (s === '' ? null : s));

const MAX_JSON_DEPTH = 8;
const MAX_JSON_ITEMS = 200;
const MAX_JSON_STRING = 5000;

export type AdminJson =
  string | number | boolean | null | AdminJson[] | { [key: string]: AdminJson };

/** A clean copy of a JSON value, or undefined when it is too deep, too wide or not JSON. */
export const cleanJson = (value: unknown, depth = 0): AdminJson | undefined => {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    return value.length > MAX_JSON_STRING ? undefined : stripUnsafeCharacters(value);
  }
  if (depth >= MAX_JSON_DEPTH || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    if (value.length > MAX_JSON_ITEMS) return undefined;
    const items: AdminJson[] = [];
    for (const item of value) {
      const cleaned = cleanJson(item, depth + 1);
      if (cleaned === undefined) return undefined;
      items.push(cleaned);
    }
    return items;
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_JSON_ITEMS) return undefined;
  const out: Record<string, AdminJson> = {};
  for (const [key, item] of entries) {
    const cleaned = cleanJson(item, depth + 1);
    if (cleaned === undefined) return undefined;
    out[stripUnsafeCharacters(key)] = cleaned;
  }
  return out;
};

/** Any JSON value (null included), cleaned; `message` when it cannot be stored. */
export const adminJson = (message: string) =>
  z.unknown().transform((value, ctx): AdminJson => {
    const cleaned = cleanJson(value);
    if (cleaned === undefined) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return cleaned;
  });

/** The admin boolean fields: true iff `true`, `"true"`, `"1"` or `1` (api-rest-challenges-admin §6.7). */
export const isAdminTrue = (value: unknown): boolean =>
  value === true || value === 'true' || value === '1' || value === 1;

/** Python truthiness of a JSON value (`is_secret` on badge create). */
export const isPyTruthy = (value: unknown): boolean => {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
};

/** Admin list pagination (§1.6): default 20, at most 100. */
export const ADMIN_LIST_DEFAULT_LIMIT = 20;
export const ADMIN_LIST_MAX_LIMIT = 100;
export const ADMIN_LIST_MAX_SKIP = 2_147_483_647;

export const ZAdminPage = {
  skip: z.number().int().min(0).max(ADMIN_LIST_MAX_SKIP).default(0),
  limit: z.number().int().min(1).max(ADMIN_LIST_MAX_LIMIT).default(ADMIN_LIST_DEFAULT_LIMIT),
};

/** A title / description search: NUL-free, bounded, trimmed; empty means no filter. */
export const ZAdminSearch = z
  .string()
  .max(200)
  .transform((s) => stripUnsafeCharacters(s).trim())
  .optional();

/** Parses a use case's input; the first issue's message is the 400 (INVALID_INPUT) message. */
export const parseAdminInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Données invalides', {
    cause: parsed.error,
    details: { field: parsed.error.issues[0]?.path.join('.') ?? null },
  });
};
