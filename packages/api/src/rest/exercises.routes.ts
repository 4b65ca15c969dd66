/**
 * Legacy exercise routes (api-rest-core §6.4, routes 27–34). Thin: parse the legacy input, call one core
 * service method, shape the legacy body.
 */
import {
  AppError,
  EXERCISE_MESSAGES,
  parseLegacyGenerateQuery,
  parseLegacyListQuery,
  ZLegacyGenerateBody,
} from '@mathakine/core';

import { authedCtxOf, ctxOf } from '../http/request-ctx.ts';
import { readLegacyBody } from '../legacy/body.ts';
import { legacyJson } from '../legacy/format.ts';
import { legacyBody } from '../legacy/legacy-error.ts';
import {
  parseLegacyAttemptBody,
  toLegacyAttemptResult,
  toLegacyCatalogueStats,
  toLegacyDetail,
  toLegacyGenerated,
  toLegacyList,
} from './exercises.mappers.ts';
import type { LegacyRoutesModule } from './index.ts';

export const INVALID_ATTEMPT_JSON_MESSAGE = 'Corps JSON invalide.';
export const GENERATED_REDIRECT = '/exercises?generated=true';
/** Route 32 until the AI issue: the legacy "no key configured" SSE error event. */
export const AI_NOT_CONFIGURED_MESSAGE = 'OpenAI API key non configurée';

/** Python `json.dumps` default: `", "` / `": "` separators, non-ASCII as `\uXXXX` (SSE events, §7.1). */
export const pyJsonDumps = (value: Record<string, string>): string =>
  `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')}}`.replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** The `{exercise_id:int}` path segment; an id outside int4 (or 0) cannot exist: 404 like any unknown id. */
const exerciseIdOf = (raw: string): number => {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) {
    throw new AppError('NOT_FOUND', EXERCISE_MESSAGES.notFound);
  }
  return id;
};

export const exercisesRoutes: LegacyRoutesModule = ({ route }) => {
  // 27
  route('GET', '/exercises', 'public+optional', async (c) => {
    const list = await c.var.core.exercises.list(ctxOf(c), parseLegacyListQuery(c.req.query()));
    return c.json(toLegacyList(list));
  });

  // 28
  route('GET', '/exercises/stats', 'public', async (c) =>
    legacyJson(toLegacyCatalogueStats(await c.var.core.exercises.catalogueStats(ctxOf(c)))),
  );

  // 33
  route('GET', '/exercises/completed-ids', 'public+optional', async (c) => {
    const { completedIds } = await c.var.core.exercises.completedIds(ctxOf(c));
    return c.json({ completed_ids: completedIds });
  });

  // 30: the HTML-era generator, always saves, 303 to the list.
  route('GET', '/exercises/generate', 'user', async (c) => {
    await c.var.core.exercises.generate(authedCtxOf(c), parseLegacyGenerateQuery(c.req.query()));
    return c.redirect(GENERATED_REDIRECT, 303);
  });

  // 31
  route('POST', '/exercises/generate', 'user', async (c) => {
    const request = await readLegacyBody(c, {
      schema: ZLegacyGenerateBody,
      required: [
        { field: 'exercise_type', message: EXERCISE_MESSAGES.generationParamsRequired },
        { field: 'age_group', message: EXERCISE_MESSAGES.generationParamsRequired },
      ],
      invalidMessage: EXERCISE_MESSAGES.generationParamsRequired,
    });
    return c.json(toLegacyGenerated(await c.var.core.exercises.generate(authedCtxOf(c), request)));
  });

  // 32: belongs to the AI issue; until then one SSE error event (HTTP 200), as the legacy without a key.
  route('GET', '/exercises/generate-ai-stream', 'user', (c) =>
    c.body(`data: ${pyJsonDumps({ type: 'error', message: AI_NOT_CONFIGURED_MESSAGE })}\n\n`, 200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    }),
  );

  // 29
  route('GET', '/exercises/:id{[0-9]+}', 'public', async (c) =>
    c.json(
      toLegacyDetail(
        await c.var.core.exercises.get(ctxOf(c), exerciseIdOf(c.req.param('id') ?? '')),
      ),
    ),
  );

  // 34: invalid JSON → 400; schema failure → 422 {"detail": [...]} (pydantic v2 objects).
  route('POST', '/exercises/:id{[0-9]+}/attempt', 'user', async (c) => {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return c.json(legacyBody(400, INVALID_ATTEMPT_JSON_MESSAGE), 400);
    }
    const parsed = parseLegacyAttemptBody(body, c.req.header('Idempotency-Key'));
    if (!parsed.ok) return c.json({ detail: parsed.errors }, 422);
    const result = await c.var.core.exercises.submitAnswer(authedCtxOf(c), {
      ...parsed.input,
      exerciseId: exerciseIdOf(c.req.param('id') ?? ''),
    });
    return c.json(toLegacyAttemptResult(result));
  });
};
