/**
 * The legacy wire of the back office's logic challenges (api-rest-challenges-admin §6.8): the admin age
 * codes (`GROUP_10_12`… the legacy database names, §2.3), the lenient create / update bodies and the
 * response schemas. Every field's rule and bound is core's.
 */
import { z } from 'zod';

import {
  ADMIN_CHALLENGE_MESSAGES,
  CHALLENGE_TYPES,
  ZAdminCreateChallengeInput,
  ZAdminUpdateChallengeInput,
  ZChallengeIdInput,
  type AdminChallengeDto,
  type AdminChallengeListDto,
  type AdminChallengeSort,
  type AdminListChallengesInput,
  type AgeGroup,
  type ChallengeType,
} from '@mathakine/core';

import { pyFloat, pyIsoformat } from '../legacy/format.ts';
import { idParam, queryValue } from '../legacy/inputs.ts';
import { wire, ZPyDateTime, ZPyFloat } from '../legacy/wire.ts';
import { legacyAdminPage, legacyArchived, legacyFlag, legacyText } from './admin-content.legacy.ts';

const M = ADMIN_CHALLENGE_MESSAGES;

/** The admin age codes (§2.3): the legacy database names, emitted and accepted by the admin routes. */
export const ADMIN_AGE_CODES: Record<AgeGroup, string> = {
  '6-8': 'GROUP_6_8',
  '9-11': 'GROUP_10_12',
  '12-14': 'GROUP_13_15',
  '15-17': 'GROUP_15_17',
  adulte: 'ADULT',
  'tous-ages': 'ALL_AGES',
};
const AGE_BY_CODE = new Map<string, AgeGroup>([
  ...Object.entries(ADMIN_AGE_CODES).map(([age, code]) => [code, age as AgeGroup] as const),
  ['GROUP_9_11', '9-11'],
  ['GROUP_12_14', '12-14'],
]);

/** An exact admin age code (after trimming, case-sensitive); anything else is undefined. */
const ageOfCode = (v: unknown): AgeGroup | undefined =>
  typeof v === 'string' ? AGE_BY_CODE.get(v.trim()) : undefined;

/** A type, lower-cased; anything else is undefined. */
const typeOf = (v: unknown): ChallengeType | undefined => {
  if (typeof v !== 'string') return undefined;
  const lower = v.trim().toLowerCase();
  return CHALLENGE_TYPES.find((t) => t === lower);
};

export const ZLegacyAdminChallengeParams = z.object({
  id: idParam(ZChallengeIdInput.shape.challengeId, M.notFound),
});

const CHALLENGE_SORTS = new Map<string, AdminChallengeSort>([
  ['title', 'title'],
  ['challenge_type', 'challengeType'],
  ['age_group', 'ageGroup'],
  ['created_at', 'createdAt'],
]);

export const ZLegacyAdminChallengeListQuery = z
  .object({
    search: queryValue(),
    type: queryValue(),
    archived: queryValue(),
    sort: queryValue(),
    order: queryValue(),
    skip: queryValue(),
    limit: queryValue(),
  })
  .transform((q): AdminListChallengesInput => ({
    search: q.search?.slice(0, 200),
    type: typeOf(q.type),
    archived: legacyArchived(q.archived),
    sort: CHALLENGE_SORTS.get(q.sort ?? '') ?? 'createdAt',
    order: q.order === 'asc' ? 'asc' : 'desc',
    ...legacyAdminPage(q),
  }));

const C = ZAdminCreateChallengeInput.shape;
const U = ZAdminUpdateChallengeInput.shape;

/** A number, or a string that spells one (the legacy passed strings through to the column). */
const legacyNumber = <O>(field: z.ZodType<O, number>) =>
  z.preprocess(
    (v) =>
      v === null
        ? undefined
        : typeof v === 'string' && /^\s*-?\d{1,6}([.,]\d{1,6})?\s*$/.test(v)
          ? Number(v.trim().replace(',', '.'))
          : v,
    field.optional(),
  );

export const ZLegacyAdminChallengeCreateBody = z.object({
  title: C.title,
  description: C.description,
  // Invalid or absent: core's defaults (puzzle, GROUP_10_12).
  challenge_type: z.unknown().transform(typeOf).optional(),
  age_group: z.unknown().transform(ageOfCode).optional(),
  question: legacyText(C.question.unwrap(), M.notText),
  correct_answer: legacyText(C.correctAnswer.unwrap(), M.notText),
  solution_explanation: legacyText(C.solutionExplanation.unwrap(), M.notText),
  visual_data: C.visualData,
  hints: C.hints,
});

export const ZLegacyAdminChallengeUpdateBody = z.object({
  title: legacyText(U.title.unwrap(), M.titleRequired),
  description: legacyText(U.description.unwrap(), M.descriptionRequired),
  challenge_type: z.unknown().transform(typeOf).optional(),
  age_group: z.unknown().transform(ageOfCode).optional(),
  // The edit form sends "" for a challenge without difficulty.
  difficulty: z.preprocess((v) => (v === '' ? null : v), U.difficulty),
  question: legacyText(U.question.unwrap(), M.notText),
  correct_answer: legacyText(U.correctAnswer.unwrap(), M.notText),
  solution_explanation: legacyText(U.solutionExplanation.unwrap(), M.notText),
  image_url: legacyText(U.imageUrl.unwrap(), M.notText),
  tags: legacyText(U.tags.unwrap(), M.notText),
  is_active: legacyFlag(),
  is_archived: legacyFlag(),
  difficulty_rating: legacyNumber(U.difficultyRating.unwrap()),
  estimated_time_minutes: legacyNumber(
    z.number().transform(Math.trunc).pipe(U.estimatedTimeMinutes.unwrap()),
  ),
  choices: U.choices,
  visual_data: U.visualData,
  hints: U.hints,
});
export type LegacyAdminChallengeUpdateBody = z.output<typeof ZLegacyAdminChallengeUpdateBody>;

export const fromLegacyChallengeUpdate = (
  challengeId: number,
  b: LegacyAdminChallengeUpdateBody,
) => ({
  challengeId,
  title: b.title,
  description: b.description,
  challengeType: b.challenge_type,
  ageGroup: b.age_group,
  difficulty: b.difficulty,
  question: b.question,
  correctAnswer: b.correct_answer,
  solutionExplanation: b.solution_explanation,
  imageUrl: b.image_url,
  tags: b.tags,
  isActive: b.is_active,
  isArchived: b.is_archived,
  difficultyRating: b.difficulty_rating,
  estimatedTimeMinutes: b.estimated_time_minutes,
  choices: b.choices,
  visualData: b.visual_data,
  hints: b.hints,
});

export const ZLegacyAdminChallengeList = wire({
  items: z.array(
    wire({
      id: z.number(),
      title: z.string(),
      challenge_type: z.string(),
      age_group: z.string(),
      is_archived: z.boolean(),
      attempt_count: z.number(),
      success_rate: ZPyFloat,
      created_at: ZPyDateTime,
    }),
  ),
  total: z.number(),
});

export const toLegacyAdminChallengeList = (list: AdminChallengeListDto) => ({
  items: list.items.map((c) => ({
    id: c.id,
    title: c.title,
    challenge_type: c.challengeType,
    age_group: ADMIN_AGE_CODES[c.ageGroup],
    is_archived: c.isArchived,
    attempt_count: c.attemptCount,
    success_rate: pyFloat(c.successRate),
    created_at: pyIsoformat(c.createdAt),
  })),
  total: list.total,
});

export const ZLegacyAdminChallenge = wire({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  challenge_type: z.string(),
  age_group: z.string(),
  difficulty: z.string(),
  content: z.string(),
  question: z.string(),
  solution: z.string(),
  correct_answer: z.string(),
  choices: z.unknown(),
  solution_explanation: z.string(),
  visual_data: z.unknown(),
  hints: z.unknown(),
  image_url: z.string(),
  tags: z.string(),
  is_active: z.boolean(),
  is_archived: z.boolean(),
  difficulty_rating: ZPyFloat.nullable(),
  estimated_time_minutes: z.number().nullable(),
  created_at: ZPyDateTime.nullable(),
  updated_at: ZPyDateTime.nullable(),
});

const text = (value: string | null) => value ?? '';

export const toLegacyAdminChallenge = (c: AdminChallengeDto) => ({
  id: c.id,
  title: c.title,
  description: c.description,
  challenge_type: c.challengeType,
  age_group: ADMIN_AGE_CODES[c.ageGroup],
  difficulty: text(c.difficulty),
  // Admin-only legacy columns this schema does not keep (docs/legacy-differences.md).
  content: '',
  question: text(c.question),
  solution: '',
  correct_answer: text(c.correctAnswer),
  choices: c.choices ?? null,
  solution_explanation: text(c.solutionExplanation),
  visual_data: c.visualData ?? null,
  hints: c.hints ?? null,
  image_url: text(c.imageUrl),
  tags: text(c.tags),
  is_active: c.isActive,
  is_archived: c.isArchived,
  difficulty_rating: c.difficultyRating === null ? null : pyFloat(c.difficultyRating),
  estimated_time_minutes: c.estimatedTimeMinutes,
  created_at: pyIsoformat(c.createdAt),
  updated_at: pyIsoformat(c.updatedAt),
});
