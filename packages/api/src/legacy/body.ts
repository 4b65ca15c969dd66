import type { Context } from 'hono';
import type { z } from 'zod';

import { AppError } from '@mathakine/core';

export const INVALID_JSON_MESSAGE = 'Corps de requête JSON invalide ou manquant';
export const NOT_AN_OBJECT_MESSAGE = 'Le corps doit être un objet JSON';

/** A required field and the route-specific French message the legacy answered when it was missing. */
export interface RequiredField {
  field: string;
  message: string;
}

export interface ReadLegacyBodyOptions<S extends z.ZodType> {
  schema: S;
  /** Checked in order before the schema, as the legacy P1 helper did (absent, null or blank string). */
  required?: RequiredField[];
  /** Message for any other schema failure (400). Defaults to the first issue's message. */
  invalidMessage?: string;
}

/**
 * The one legacy body reader (api-rest-core §1.4, parsing style P1), then the core zod schema:
 * missing or malformed JSON → 422 `Corps de requête JSON invalide ou manquant`; valid JSON that is not an
 * object → 400 `Le corps doit être un objet JSON`; a required field absent, null or blank → 400 with the
 * route's message; any other schema failure → 400.
 */
export const readLegacyBody = async <S extends z.ZodType>(
  c: Context,
  options: ReadLegacyBodyOptions<S>,
): Promise<z.infer<S>> => {
  let raw: unknown;
  try {
    const text = await c.req.text();
    if (text.trim() === '') throw new Error('empty body');
    raw = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_INPUT', INVALID_JSON_MESSAGE, { legacy: { status: 422 } });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new AppError('INVALID_INPUT', NOT_AN_OBJECT_MESSAGE);
  }
  const record = raw as Record<string, unknown>;
  for (const { field, message } of options.required ?? []) {
    const value = record[field];
    if (
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '')
    ) {
      throw new AppError('INVALID_INPUT', message, { details: { field } });
    }
  }
  const parsed = options.schema.safeParse(record);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const message = options.invalidMessage ?? first?.message ?? 'Données invalides';
    throw new AppError('INVALID_INPUT', message, {
      cause: parsed.error,
      details: { field: first?.path.join('.') ?? null },
    });
  }
  return parsed.data;
};
