/**
 * Inputs and DTOs of the admin exercise use cases (api-rest-challenges-admin §6.7): list, detail, create,
 * partial update, archive toggle, duplicate. The clean (tRPC) inputs; the legacy REST layer builds its
 * lenient bodies from these fields.
 */
import { z } from 'zod';

import {
  adminJson,
  adminOptionalText,
  adminText,
  ZAdminPage,
  ZAdminSearch,
} from '../lib/admin-content.ts';
import { ADMIN_EXERCISE_MESSAGES as M } from './admin-exercise.rules.ts';
import { AGE_GROUPS, DIFFICULTIES, EXERCISE_TYPES } from './exercise.rules.ts';
import { ZExerciseIdInput } from './exercise.schemas.ts';

export const ADMIN_EXERCISE_SORTS = [
  'title',
  'exerciseType',
  'difficulty',
  'ageGroup',
  'createdAt',
] as const;
export type AdminExerciseSort = (typeof ADMIN_EXERCISE_SORTS)[number];

export const ZAdminListExercisesInput = z.object({
  search: ZAdminSearch,
  /** Exact type (upper-cased); an unknown type matches nothing, as the legacy's exact match. */
  type: z
    .string()
    .max(50)
    .transform((s) => s.trim().toUpperCase())
    .optional(),
  archived: z.boolean().optional(),
  sort: z.enum(ADMIN_EXERCISE_SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...ZAdminPage,
});
export type AdminListExercisesInput = z.input<typeof ZAdminListExercisesInput>;

export const ADMIN_EXERCISE_LIMITS = {
  title: 255,
  question: 5000,
  answer: 255,
  explanation: 5000,
  hint: 2000,
  tags: 255,
  contextTheme: 255,
  url: 2000,
} as const;
const L = ADMIN_EXERCISE_LIMITS;

const ZType = z
  .string({ error: M.invalidType })
  .max(50, M.invalidType)
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.enum(EXERCISE_TYPES, M.invalidType));
const ZDifficulty = z
  .string({ error: M.invalidDifficulty })
  .max(50, M.invalidDifficulty)
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.enum(DIFFICULTIES, M.invalidDifficulty));
const ZAgeGroup = z
  .string({ error: M.invalidAgeGroup })
  .max(50, M.invalidAgeGroup)
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(AGE_GROUPS, M.invalidAgeGroup));
/** Choices: a list of answers (texts or numbers), or null. */
const ZChoices = adminJson(M.invalidChoices).pipe(
  z
    .array(z.union([z.string().max(L.answer), z.number()]), M.invalidChoices)
    .max(20, M.invalidChoices)
    .transform((list) => list.map((c) => String(c).trim()))
    .nullable(),
);
const required = (max: number, message: string) => adminText(max).pipe(z.string().min(1, message));

export const ZAdminCreateExerciseInput = z.object({
  title: z.string({ error: M.titleRequired }).pipe(required(L.title, M.titleRequired)),
  question: z.string({ error: M.questionRequired }).pipe(required(L.question, M.questionRequired)),
  correctAnswer: z.string({ error: M.answerRequired }).pipe(required(L.answer, M.answerRequired)),
  exerciseType: ZType.default('DIVERS'),
  difficulty: ZDifficulty.default('PADAWAN'),
  ageGroup: ZAgeGroup.default('9-11'),
  choices: ZChoices.optional(),
  explanation: adminOptionalText(L.explanation).nullish(),
  hint: adminOptionalText(L.hint).nullish(),
  tags: adminOptionalText(L.tags).nullish(),
});
export type AdminCreateExerciseInput = z.input<typeof ZAdminCreateExerciseInput>;

/** A partial update: only the fields given are applied (`undefined` = untouched). */
export const ZAdminUpdateExerciseInput = ZExerciseIdInput.extend({
  title: required(L.title, M.titleRequired).optional(),
  question: required(L.question, M.questionRequired).optional(),
  correctAnswer: required(L.answer, M.answerRequired).optional(),
  exerciseType: ZType.optional(),
  difficulty: ZDifficulty.optional(),
  ageGroup: ZAgeGroup.optional(),
  tags: adminOptionalText(L.tags).nullish(),
  contextTheme: adminOptionalText(L.contextTheme).nullish(),
  complexity: z
    .number({ error: M.invalidComplexity })
    .int(M.invalidComplexity)
    .min(0, M.invalidComplexity)
    .max(100, M.invalidComplexity)
    .nullable()
    .optional(),
  explanation: adminOptionalText(L.explanation).nullish(),
  hint: adminOptionalText(L.hint).nullish(),
  imageUrl: adminOptionalText(L.url).nullish(),
  audioUrl: adminOptionalText(L.url).nullish(),
  isActive: z.boolean().optional(),
  isArchived: z.boolean().optional(),
  choices: ZChoices.optional(),
});
export type AdminUpdateExerciseInput = z.input<typeof ZAdminUpdateExerciseInput>;

export const ZAdminArchiveExerciseInput = ZExerciseIdInput.extend({
  isArchived: z.boolean({ error: M.archivedNotBoolean }),
});
export type AdminArchiveExerciseInput = z.input<typeof ZAdminArchiveExerciseInput>;

export const ZAdminExerciseListItemDto = z.object({
  id: z.number().int(),
  title: z.string(),
  exerciseType: z.enum(EXERCISE_TYPES),
  difficulty: z.enum(DIFFICULTIES),
  ageGroup: z.enum(AGE_GROUPS),
  isArchived: z.boolean(),
  attemptCount: z.number().int(),
  successRate: z.number(),
  createdAt: z.date(),
});
export type AdminExerciseListItemDto = z.infer<typeof ZAdminExerciseListItemDto>;

export const ZAdminExerciseListDto = z.object({
  items: z.array(ZAdminExerciseListItemDto),
  total: z.number().int(),
});
export type AdminExerciseListDto = z.infer<typeof ZAdminExerciseListDto>;

export const ZAdminExerciseDto = z.object({
  id: z.number().int(),
  title: z.string(),
  exerciseType: z.enum(EXERCISE_TYPES),
  difficulty: z.enum(DIFFICULTIES),
  ageGroup: z.enum(AGE_GROUPS),
  tags: z.string().nullable(),
  contextTheme: z.string().nullable(),
  complexity: z.number().int().nullable(),
  aiGenerated: z.boolean(),
  question: z.string(),
  correctAnswer: z.string(),
  choices: z.unknown(),
  explanation: z.string().nullable(),
  hint: z.string().nullable(),
  imageUrl: z.string().nullable(),
  audioUrl: z.string().nullable(),
  isActive: z.boolean(),
  isArchived: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type AdminExerciseDto = z.infer<typeof ZAdminExerciseDto>;

export const ZAdminArchiveExerciseDto = z.object({
  id: z.number().int(),
  title: z.string(),
  isArchived: z.boolean(),
});
export type AdminArchiveExerciseDto = z.infer<typeof ZAdminArchiveExerciseDto>;
