/**
 * The legacy wire of the back office's content routes (api-rest-challenges-admin §6.7–6.9): the list
 * queries with the legacy pagination (§1.6), the lenient partial-update bodies (null ignored, scalars
 * turned into text, the `true` / `"true"` / `"1"` / `1` booleans), response schemas and mappers. Every
 * field's rule and bound is core's; this file only reads the legacy forms.
 */
import { z } from 'zod';

import {
  ADMIN_EXERCISE_MESSAGES,
  ZAdminCreateExerciseInput,
  ZAdminUpdateExerciseInput,
  ZExerciseIdInput,
  type AdminArchiveExerciseDto,
  type AdminExerciseDto,
  type AdminExerciseListDto,
  type AdminExerciseSort,
  type AdminListExercisesInput,
} from '@mathakine/core';

import { pyFloat, pyIsoformat } from '../legacy/format.ts';
import { idParam, queryValue } from '../legacy/inputs.ts';
import { clampPyInt, pyInt } from '../legacy/py-int.ts';
import { wire, ZPyDateTime, ZPyFloat } from '../legacy/wire.ts';

// ---- shared readers ----------------------------------------------------------------------------------

const ADMIN_DEFAULT_LIMIT = 20;
const ADMIN_MAX_LIMIT = 100;
const ADMIN_MAX_SKIP = 2_147_483_647;

/** §1.6: `skip` not an int or negative → 0; `limit` missing or not an int → 20, clamped to 1..100. */
export const legacyAdminPage = (q: { skip?: string | undefined; limit?: string | undefined }) => {
  const limit = pyInt(q.limit);
  return {
    skip: clampPyInt(pyInt(q.skip) ?? 0n, 0, ADMIN_MAX_SKIP),
    limit: limit === null ? ADMIN_DEFAULT_LIMIT : clampPyInt(limit, 1, ADMIN_MAX_LIMIT),
  };
};

/** `archived`: `true`, `1` or `yes` → true, any other value → false, absent → no filter. */
export const legacyArchived = (value: string | undefined): boolean | undefined =>
  value === undefined ? undefined : ['true', '1', 'yes'].includes(value.trim().toLowerCase());

/** An optional field sent as null reads as absent (the legacy's `data.get(...)` defaults). */
export const nullAsAbsent = <S extends z.ZodType>(field: S) =>
  z.preprocess((v) => (v === null ? undefined : v), field.optional());

/** A PUT string field: null ignored, numbers and booleans turned into text (Python `str`), then core's rule. */
export const legacyText = <O>(field: z.ZodType<O, string | null>, message: string) =>
  z
    .preprocess(
      (v) =>
        v === null
          ? undefined
          : typeof v === 'number'
            ? String(v)
            : typeof v === 'boolean'
              ? v
                ? 'True'
                : 'False'
              : v,
      z.string({ error: message }).optional(),
    )
    .transform((v, ctx): O | undefined => {
      if (v === undefined) return undefined;
      const parsed = field.safeParse(v);
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? message });
      return z.NEVER;
    });

/** A PUT boolean field: null ignored; true iff `true`, `"true"`, `"1"` or `1`. */
export const legacyFlag = () =>
  z
    .unknown()
    .optional()
    .transform((v) =>
      v === null || v === undefined
        ? undefined
        : v === true || v === 'true' || v === '1' || v === 1,
    );

const text = (value: string | null) => value ?? '';

// ---- exercises (§6.7) ----------------------------------------------------------------------------------

export const ZLegacyAdminExerciseParams = z.object({
  id: idParam(ZExerciseIdInput.shape.exerciseId, ADMIN_EXERCISE_MESSAGES.notFound),
});

const EXERCISE_SORTS = new Map<string, AdminExerciseSort>([
  ['title', 'title'],
  ['exercise_type', 'exerciseType'],
  ['difficulty', 'difficulty'],
  ['age_group', 'ageGroup'],
  ['created_at', 'createdAt'],
]);

export const ZLegacyAdminExerciseListQuery = z
  .object({
    search: queryValue(),
    type: queryValue(),
    archived: queryValue(),
    sort: queryValue(),
    order: queryValue(),
    skip: queryValue(),
    limit: queryValue(),
  })
  .transform((q): AdminListExercisesInput => ({
    search: q.search?.slice(0, 200),
    type: q.type?.slice(0, 50),
    archived: legacyArchived(q.archived),
    sort: EXERCISE_SORTS.get(q.sort ?? '') ?? 'createdAt',
    order: q.order === 'asc' ? 'asc' : 'desc',
    ...legacyAdminPage(q),
  }));

const C = ZAdminCreateExerciseInput.shape;
export const ZLegacyAdminExerciseCreateBody = z.object({
  title: C.title,
  question: C.question,
  correct_answer: C.correctAnswer,
  exercise_type: nullAsAbsent(C.exerciseType.unwrap()),
  difficulty: nullAsAbsent(C.difficulty.unwrap()),
  age_group: nullAsAbsent(C.ageGroup.unwrap()),
  choices: C.choices,
  explanation: C.explanation,
  hint: C.hint,
  tags: C.tags,
});

const U = ZAdminUpdateExerciseInput.shape;
const M = ADMIN_EXERCISE_MESSAGES;
const NOT_TEXT = 'Ce champ doit être un texte.';
export const ZLegacyAdminExerciseUpdateBody = z.object({
  title: legacyText(U.title.unwrap(), M.titleRequired),
  question: legacyText(U.question.unwrap(), M.questionRequired),
  correct_answer: legacyText(U.correctAnswer.unwrap(), M.answerRequired),
  exercise_type: legacyText(U.exerciseType.unwrap(), M.invalidType),
  difficulty: legacyText(U.difficulty.unwrap(), M.invalidDifficulty),
  age_group: legacyText(U.ageGroup.unwrap(), M.invalidAgeGroup),
  tags: legacyText(U.tags.unwrap(), NOT_TEXT),
  context_theme: legacyText(U.contextTheme.unwrap(), NOT_TEXT),
  complexity: z.preprocess(
    (v) => (typeof v === 'string' && /^\s*-?\d{1,6}\s*$/.test(v) ? Number(v) : v),
    U.complexity,
  ),
  explanation: legacyText(U.explanation.unwrap(), NOT_TEXT),
  hint: legacyText(U.hint.unwrap(), NOT_TEXT),
  image_url: legacyText(U.imageUrl.unwrap(), NOT_TEXT),
  audio_url: legacyText(U.audioUrl.unwrap(), NOT_TEXT),
  is_active: legacyFlag(),
  is_archived: legacyFlag(),
  choices: U.choices,
});
export type LegacyAdminExerciseUpdateBody = z.output<typeof ZLegacyAdminExerciseUpdateBody>;

export const ZLegacyAdminArchiveBody = z.object({
  is_archived: z.boolean({ error: M.archivedNotBoolean }),
});

export const ZLegacyAdminExerciseListItem = wire({
  id: z.number(),
  title: z.string(),
  exercise_type: z.string(),
  difficulty: z.string(),
  age_group: z.string(),
  is_archived: z.boolean(),
  attempt_count: z.number(),
  success_rate: ZPyFloat,
  created_at: ZPyDateTime,
});
export const ZLegacyAdminExerciseList = wire({
  items: z.array(ZLegacyAdminExerciseListItem),
  total: z.number(),
});

export const toLegacyAdminExerciseList = (list: AdminExerciseListDto) => ({
  items: list.items.map((e) => ({
    id: e.id,
    title: e.title,
    exercise_type: e.exerciseType,
    difficulty: e.difficulty,
    age_group: e.ageGroup,
    is_archived: e.isArchived,
    attempt_count: e.attemptCount,
    success_rate: pyFloat(e.successRate),
    created_at: pyIsoformat(e.createdAt),
  })),
  total: list.total,
});

export const ZLegacyAdminExercise = wire({
  id: z.number(),
  title: z.string(),
  exercise_type: z.string(),
  difficulty: z.string(),
  age_group: z.string(),
  tags: z.string(),
  context_theme: z.string(),
  complexity: z.number().nullable(),
  ai_generated: z.boolean(),
  question: z.string(),
  correct_answer: z.string(),
  choices: z.unknown(),
  explanation: z.string(),
  hint: z.string(),
  image_url: z.string(),
  audio_url: z.string(),
  is_active: z.boolean(),
  is_archived: z.boolean(),
  created_at: ZPyDateTime,
  updated_at: ZPyDateTime,
});

export const toLegacyAdminExercise = (e: AdminExerciseDto) => ({
  id: e.id,
  title: e.title,
  exercise_type: e.exerciseType,
  difficulty: e.difficulty,
  age_group: e.ageGroup,
  tags: text(e.tags),
  context_theme: text(e.contextTheme),
  complexity: e.complexity,
  ai_generated: e.aiGenerated,
  question: e.question,
  correct_answer: e.correctAnswer,
  choices: e.choices ?? null,
  explanation: text(e.explanation),
  hint: text(e.hint),
  image_url: text(e.imageUrl),
  audio_url: text(e.audioUrl),
  is_active: e.isActive,
  is_archived: e.isArchived,
  created_at: pyIsoformat(e.createdAt),
  updated_at: pyIsoformat(e.updatedAt),
});

export const ZLegacyAdminArchived = wire({
  id: z.number(),
  title: z.string(),
  is_archived: z.boolean(),
});
export const toLegacyAdminArchived = (a: AdminArchiveExerciseDto) => ({
  id: a.id,
  title: a.title,
  is_archived: a.isArchived,
});

/** The PUT body as core's partial update (absent keys stay absent). */
export const fromLegacyExerciseUpdate = (exerciseId: number, b: LegacyAdminExerciseUpdateBody) => ({
  exerciseId,
  title: b.title,
  question: b.question,
  correctAnswer: b.correct_answer,
  exerciseType: b.exercise_type,
  difficulty: b.difficulty,
  ageGroup: b.age_group,
  tags: b.tags,
  contextTheme: b.context_theme,
  complexity: b.complexity,
  explanation: b.explanation,
  hint: b.hint,
  imageUrl: b.image_url,
  audioUrl: b.audio_url,
  isActive: b.is_active,
  isArchived: b.is_archived,
  choices: b.choices,
});
