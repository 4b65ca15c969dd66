/**
 * How a legacy route reads its JSON body: a zod schema of the body as clients send it (built from core's
 * schemas) plus the legacy reading style, which decides how a missing or invalid body is answered. A route
 * declares one of these; the router reads the body before the handler runs, so handlers get typed data
 * and every failure is an AppError rendered by `toLegacyError`.
 */
import type { z } from 'zod';

import { AppError } from '@mathakine/core';

import { pydanticValidationError } from './legacy-error.ts';
import { modelTypeError, toPydanticError } from './pydantic.ts';

export const INVALID_JSON_MESSAGE = 'Corps de requête JSON invalide ou manquant';
export const NOT_AN_OBJECT_MESSAGE = 'Le corps doit être un objet JSON';

/** What the body readers need from the request. */
export interface BodySource {
  text: () => Promise<string>;
  header: (name: string) => string | undefined;
}

/** A required field and the route-specific French message the legacy answered when it was missing. */
export interface RequiredField {
  field: string;
  message: string;
}

export interface BodySpec<T = unknown> {
  /**
   * `legacy`: the P1 helper of api-rest-core §1.4 (422 / 400 `{code, message, error}`); `pydantic`: 400 on
   * invalid JSON, 422 `{"detail": [...]}` on schema failures; `lenient`: anything unreadable is ignored.
   */
  readonly style: 'legacy' | 'pydantic' | 'lenient';
  /** The JSON body's schema, as clients send it (for validation and the route table's generators). */
  readonly schema: z.ZodType;
  /** Fields the legacy checks first, each with its message (the `legacy` style). */
  readonly required: readonly RequiredField[];
  /** Body field → the request header used when the field is absent or null (the `pydantic` style). */
  readonly headerFallbacks: Readonly<Record<string, string>>;
  /** Body field → the alias read when the field is absent (the `pydantic` style). */
  readonly aliases: Readonly<Record<string, string>>;
  readonly read: (source: BodySource) => Promise<T>;
}

type JsonText = { ok: true; value: unknown } | { ok: false };

const parseJson = (text: string): JsonText => {
  if (text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const spec = <T>(
  style: BodySpec['style'],
  schema: z.ZodType,
  read: (source: BodySource) => Promise<T>,
  extra: Partial<Pick<BodySpec, 'required' | 'headerFallbacks' | 'aliases'>> = {},
): BodySpec<T> => ({
  style,
  schema,
  required: extra.required ?? [],
  headerFallbacks: extra.headerFallbacks ?? {},
  aliases: extra.aliases ?? {},
  read,
});

/** The body as the schema sees it: aliases resolved, header fallbacks applied (a blank header is absent). */
const normalise = (
  body: Record<string, unknown>,
  aliases: Readonly<Record<string, string>>,
  headerFallbacks: Readonly<Record<string, string>>,
  source: BodySource,
): Record<string, unknown> => {
  const sent: Record<string, unknown> = { ...body };
  for (const [field, alias] of Object.entries(aliases)) {
    if (!(field in sent) && alias in sent) sent[field] = sent[alias];
  }
  const fallbacks = Object.entries(headerFallbacks).filter(
    ([field]) => sent[field] === undefined || sent[field] === null,
  );
  for (const [field, header] of fallbacks) sent[field] = source.header(header)?.trim() || undefined;
  return Object.fromEntries(Object.entries(sent).filter(([, value]) => value !== undefined));
};

export interface JsonBodyOptions {
  /** Checked in order before the schema, as the legacy P1 helper did (absent, null or blank string). */
  required?: RequiredField[];
  /** Message for any other schema failure (400). Defaults to the first issue's message. */
  invalidMessage?: string;
  /** Body field → the request header read when the field is absent or null (trimmed; blank is absent). */
  headerFallbacks?: Record<string, string>;
}

/**
 * The legacy P1 body (api-rest-core §1.4), then the schema: missing or malformed JSON → 422 `Corps de
 * requête JSON invalide ou manquant`; valid JSON that is not an object → 400 `Le corps doit être un objet
 * JSON`; a required field absent, null or blank → 400 with the route's message; any other schema failure
 * → 400 with `invalidMessage` or the first issue's message.
 */
export const jsonBody = <S extends z.ZodType>(
  schema: S,
  options: JsonBodyOptions = {},
): BodySpec<z.output<S>> =>
  spec(
    'legacy',
    schema,
    async (source) => {
      const json = parseJson(await source.text());
      if (!json.ok) {
        throw new AppError('INVALID_INPUT', INVALID_JSON_MESSAGE, { legacy: { status: 422 } });
      }
      if (!isRecord(json.value)) throw new AppError('INVALID_INPUT', NOT_AN_OBJECT_MESSAGE);
      const record = json.value;
      for (const { field, message } of options.required ?? []) {
        if (isBlank(record[field])) {
          throw new AppError('INVALID_INPUT', message, { details: { field } });
        }
      }
      const sent = normalise(record, {}, options.headerFallbacks ?? {}, source);
      const parsed = await schema.safeParseAsync(sent);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const message = options.invalidMessage ?? first?.message ?? 'Données invalides';
        throw new AppError('INVALID_INPUT', message, {
          cause: parsed.error,
          details: { field: first?.path.join('.') ?? null },
        });
      }
      return parsed.data;
    },
    { required: options.required ?? [], headerFallbacks: options.headerFallbacks ?? {} },
  );

export interface PydanticBodyOptions {
  /** The pydantic model name of the `model_type` error. */
  model: string;
  /** The 400 message when the body is not JSON. */
  invalidJsonMessage: string;
  /** Body field → header read when the field is absent or null (value trimmed; blank means absent). */
  headerFallbacks?: Record<string, string>;
  /** Body field → alias read when the field is absent. */
  aliases?: Record<string, string>;
}

/**
 * A body validated as FastAPI + pydantic v2 did (one legacy route): not JSON → 400 with the route's
 * message; otherwise any schema failure → 422 `{"detail": [...]}` with pydantic's error objects.
 */
export const pydanticBody = <S extends z.ZodType>(
  schema: S,
  options: PydanticBodyOptions,
): BodySpec<z.output<S>> => {
  const headerFallbacks = options.headerFallbacks ?? {};
  const aliases = options.aliases ?? {};
  return spec(
    'pydantic',
    schema,
    async (source) => {
      const json = parseJson(await source.text());
      if (!json.ok) throw new AppError('INVALID_INPUT', options.invalidJsonMessage);
      if (!isRecord(json.value)) {
        throw pydanticValidationError([modelTypeError(options.model, json.value)]);
      }
      const sent = normalise(json.value, aliases, headerFallbacks, source);
      const parsed = await schema.safeParseAsync(sent);
      if (!parsed.success) {
        throw pydanticValidationError(
          parsed.error.issues.map((issue) => toPydanticError(issue, sent, json.value)),
        );
      }
      return parsed.data;
    },
    { headerFallbacks, aliases },
  );
};

/**
 * A body the legacy read leniently (api-rest-core §6.2.4, refresh): absent, invalid or non-object JSON
 * reads as `{}`, and the schema's fields must `.catch()` what they cannot use.
 */
export const lenientBody = <S extends z.ZodType>(schema: S): BodySpec<z.output<S>> =>
  spec('lenient', schema, async (source) => {
    const json = parseJson(await source.text());
    const record = json.ok && isRecord(json.value) ? json.value : {};
    const parsed = await schema.safeParseAsync(record);
    return parsed.success ? parsed.data : schema.parseAsync({});
  });
