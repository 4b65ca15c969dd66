/**
 * Database enum values ↔ the exercise value sets of exercise.rules.ts. The database stores age groups as
 * `GROUP_6_8`… and answer kinds in upper case; the domain (and the legacy API) use `6-8`… and the
 * generator's lower-case kinds.
 */
import type { AgeGroup as DbAgeGroup, AnswerKind as DbAnswerKind } from '../db/generated/client.ts';
import { ageGroupLabelOf, dbAgeGroupOf } from '../lib/age-group.ts';
import type { AgeGroup, AnswerKind } from './exercise.rules.ts';

export const ageGroupFromDb = (value: DbAgeGroup): AgeGroup => ageGroupLabelOf(value);
export const ageGroupToDb = (value: AgeGroup): DbAgeGroup => dbAgeGroupOf(value);

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
