/**
 * Inputs and DTOs of the admin logic-challenge use cases (api-rest-challenges-admin §6.8): list, detail,
 * create, partial update, archive toggle, duplicate. The clean (tRPC) inputs; the legacy REST layer
 * reads its lenient bodies into these.
 */
import { z } from 'zod';

import { AGE_GROUPS, DIFFICULTIES } from '../exercises/index.ts';
import {
  adminJson,
  adminOptionalText,
  adminText,
  ZAdminPage,
  ZAdminSearch,
} from '../lib/admin-content.ts';
import { ADMIN_CHALLENGE_MESSAGES as M } from './admin-challenge.rules.ts';
import { CHALLENGE_TYPES } from './challenge.rules.ts';
import { ZChallengeIdInput } from './challenge.schemas.ts';

export const ADMIN_CHALLENGE_SORTS = ['title', 'challengeType', 'ageGroup', 'createdAt'] as const;
export type AdminChallengeSort = (typeof ADMIN_CHALLENGE_SORTS)[number];

export const ZAdminListChallengesInput = z.object({
  search: ZAdminSearch,
  type: z.enum(CHALLENGE_TYPES).optional(),
  archived: z.boolean().optional(),
  sort: z.enum(ADMIN_CHALLENGE_SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...ZAdminPage,
});
export type AdminListChallengesInput = z.input<typeof ZAdminListChallengesInput>;

export const ADMIN_CHALLENGE_LIMITS = {
  title: 255,
  description: 5000,
  question: 5000,
  answer: 1000,
  explanation: 5000,
  tags: 255,
  url: 2000,
} as const;
const L = ADMIN_CHALLENGE_LIMITS;

const required = (max: number, message: string) =>
  z.string({ error: message }).pipe(adminText(max).pipe(z.string().min(1, message)));
const ZDifficulty = z
  .string({ error: M.invalidDifficulty })
  .max(50, M.invalidDifficulty)
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.enum(DIFFICULTIES, M.invalidDifficulty));
const ZRating = z
  .number({ error: M.invalidRating })
  .min(0, M.invalidRating)
  .max(10, M.invalidRating);
const ZMinutes = z
  .number({ error: M.invalidMinutes })
  .int(M.invalidMinutes)
  .min(1, M.invalidMinutes)
  .max(1000, M.invalidMinutes);

export const ZAdminCreateChallengeInput = z.object({
  title: required(L.title, M.titleRequired),
  description: required(L.description, M.descriptionRequired),
  challengeType: z.enum(CHALLENGE_TYPES).default('puzzle'),
  ageGroup: z.enum(AGE_GROUPS).default('9-11'),
  question: adminOptionalText(L.question).nullish(),
  correctAnswer: adminOptionalText(L.answer).nullish(),
  solutionExplanation: adminOptionalText(L.explanation).nullish(),
  visualData: adminJson(M.invalidJson('visual_data')).optional(),
  hints: adminJson(M.invalidJson('hints')).optional(),
});
export type AdminCreateChallengeInput = z.input<typeof ZAdminCreateChallengeInput>;

/** A partial update: only the fields given are applied (`undefined` = untouched). */
export const ZAdminUpdateChallengeInput = ZChallengeIdInput.extend({
  title: required(L.title, M.titleRequired).optional(),
  description: required(L.description, M.descriptionRequired).optional(),
  challengeType: z.enum(CHALLENGE_TYPES).optional(),
  ageGroup: z.enum(AGE_GROUPS).optional(),
  difficulty: ZDifficulty.nullish(),
  question: adminOptionalText(L.question).nullish(),
  correctAnswer: adminOptionalText(L.answer).nullish(),
  solutionExplanation: adminOptionalText(L.explanation).nullish(),
  imageUrl: adminOptionalText(L.url).nullish(),
  tags: adminOptionalText(L.tags).nullish(),
  isActive: z.boolean().optional(),
  isArchived: z.boolean().optional(),
  difficultyRating: ZRating.optional(),
  estimatedTimeMinutes: ZMinutes.optional(),
  choices: adminJson(M.invalidJson('choices')).optional(),
  visualData: adminJson(M.invalidJson('visual_data')).optional(),
  hints: adminJson(M.invalidJson('hints')).optional(),
});
export type AdminUpdateChallengeInput = z.input<typeof ZAdminUpdateChallengeInput>;

export const ZAdminArchiveChallengeInput = ZChallengeIdInput.extend({
  isArchived: z.boolean({ error: M.archivedNotBoolean }),
});
export type AdminArchiveChallengeInput = z.input<typeof ZAdminArchiveChallengeInput>;

export const ZAdminChallengeListItemDto = z.object({
  id: z.number().int(),
  title: z.string(),
  challengeType: z.enum(CHALLENGE_TYPES),
  ageGroup: z.enum(AGE_GROUPS),
  isArchived: z.boolean(),
  attemptCount: z.number().int(),
  successRate: z.number(),
  createdAt: z.date(),
});
export type AdminChallengeListItemDto = z.infer<typeof ZAdminChallengeListItemDto>;

export const ZAdminChallengeListDto = z.object({
  items: z.array(ZAdminChallengeListItemDto),
  total: z.number().int(),
});
export type AdminChallengeListDto = z.infer<typeof ZAdminChallengeListDto>;

export const ZAdminChallengeDto = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  challengeType: z.enum(CHALLENGE_TYPES),
  ageGroup: z.enum(AGE_GROUPS),
  difficulty: z.enum(DIFFICULTIES).nullable(),
  question: z.string().nullable(),
  correctAnswer: z.string().nullable(),
  choices: z.unknown(),
  solutionExplanation: z.string().nullable(),
  visualData: z.unknown(),
  hints: z.unknown(),
  imageUrl: z.string().nullable(),
  tags: z.string().nullable(),
  isActive: z.boolean(),
  isArchived: z.boolean(),
  difficultyRating: z.number().nullable(),
  estimatedTimeMinutes: z.number().int().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type AdminChallengeDto = z.infer<typeof ZAdminChallengeDto>;

export const ZAdminArchiveChallengeDto = z.object({
  id: z.number().int(),
  title: z.string(),
  isArchived: z.boolean(),
});
export type AdminArchiveChallengeDto = z.infer<typeof ZAdminArchiveChallengeDto>;
