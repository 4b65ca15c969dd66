/**
 * Database enum values ↔ the exercise value sets of exercise.rules.ts. The database stores age groups as
 * `GROUP_6_8`… and answer kinds in upper case; the domain (and the legacy API) use `6-8`… and the
 * generator's lower-case kinds.
 */
import type { AgeGroup as DbAgeGroup, AnswerKind as DbAnswerKind } from '../db/generated/client.ts';
import type { AgeGroup, AnswerKind } from './exercise.rules.ts';

const TO_DOMAIN: Record<DbAgeGroup, AgeGroup> = {
  GROUP_6_8: '6-8',
  GROUP_9_11: '9-11',
  GROUP_12_14: '12-14',
  GROUP_15_17: '15-17',
  ADULT: 'adulte',
  ALL_AGES: 'tous-ages',
};

const TO_DB: Record<AgeGroup, DbAgeGroup> = {
  '6-8': 'GROUP_6_8',
  '9-11': 'GROUP_9_11',
  '12-14': 'GROUP_12_14',
  '15-17': 'GROUP_15_17',
  adulte: 'ADULT',
  'tous-ages': 'ALL_AGES',
};

export const ageGroupFromDb = (value: DbAgeGroup): AgeGroup => TO_DOMAIN[value];
export const ageGroupToDb = (value: AgeGroup): DbAgeGroup => TO_DB[value];

/**
 * How an answer is checked. `CHOICE` answers are the text of one of the stored choices: compared as
 * text (case, accents and surrounding spaces ignored).
 */
export const answerKindFromDb = (value: DbAnswerKind): AnswerKind => {
  switch (value) {
    case 'INTEGER':
      return 'integer';
    case 'DECIMAL':
      return 'decimal';
    case 'FRACTION':
      return 'fraction';
    case 'TEXT':
    case 'CHOICE':
      return 'text';
  }
};

export const answerKindToDb = (value: AnswerKind): DbAnswerKind => {
  switch (value) {
    case 'integer':
      return 'INTEGER';
    case 'decimal':
      return 'DECIMAL';
    case 'fraction':
      return 'FRACTION';
    case 'text':
      return 'TEXT';
  }
};

/** `choices` jsonb → string[] (`[]` when absent or not a list of strings). */
export const choicesFromJson = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The stored tags: a comma-separated string (the legacy format) → a list. */
export const tagsFromText = (value: string | null): string[] =>
  value === null
    ? []
    : value
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '');
