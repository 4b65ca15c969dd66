/** Legacy age-group labels (api-rest-core §4) ↔ the `age_group` enum (data-model §7.6). */
import { AGE_GROUP_LABELS, type AgeGroupLabel, type DbAgeGroup } from '../lib/age-group.ts';

export { AGE_GROUP_LABELS, type AgeGroupLabel, type DbAgeGroup };

const ALIASES: Record<string, DbAgeGroup> = {
  '6-8': 'GROUP_6_8',
  '6-8-ans': 'GROUP_6_8',
  'group-6-8': 'GROUP_6_8',
  enfant: 'GROUP_6_8',
  '9-11': 'GROUP_9_11',
  '9-12': 'GROUP_9_11',
  '10-12': 'GROUP_9_11',
  'group-10-12': 'GROUP_9_11',
  'group-9-11': 'GROUP_9_11',
  'group-9-12': 'GROUP_9_11',
  'age-9-12': 'GROUP_9_11',
  'age-10-12': 'GROUP_9_11',
  '12-14': 'GROUP_12_14',
  '13-15': 'GROUP_12_14',
  '12-13': 'GROUP_12_14',
  'group-12-14': 'GROUP_12_14',
  'group-13-15': 'GROUP_12_14',
  'age-13-15': 'GROUP_12_14',
  adolescent: 'GROUP_12_14',
  '15-17': 'GROUP_15_17',
  '16-18': 'GROUP_15_17',
  'group-15-17': 'GROUP_15_17',
  'group-16-18': 'GROUP_15_17',
  'age-16-18': 'GROUP_15_17',
  adulte: 'ADULT',
  adult: 'ADULT',
  adults: 'ADULT',
  '18+': 'ADULT',
  majeur: 'ADULT',
  'tous-ages': 'ALL_AGES',
  'tous-âges': 'ALL_AGES',
  tous: 'ALL_AGES',
  all: 'ALL_AGES',
  'all-ages': 'ALL_AGES',
};

const GROUP_STARTS: Record<string, DbAgeGroup> = {
  '6': 'GROUP_6_8',
  '9': 'GROUP_9_11',
  '12': 'GROUP_12_14',
  '15': 'GROUP_15_17',
};

/** Normalises an age-group value as the legacy did (case, spaces, `_` → `-`, aliases); null when unknown. */
export const parseAgeGroup = (value: string): DbAgeGroup | null => {
  const key = value.toLowerCase().replace(/\s+/g, '').replace(/_/g, '-').replace(/ans$/, '');
  const direct = ALIASES[key] ?? ALIASES[key.replace(/-$/, '')];
  if (direct) return direct;
  if (Object.keys(AGE_GROUP_LABELS).includes(value.toUpperCase()))
    return value.toUpperCase() as DbAgeGroup;
  const start = key.split('-')[0] ?? '';
  return GROUP_STARTS[start] ?? null;
};

/** Keys whose presence in a profile update completes onboarding (domain-rules §9.1). */
export const ONBOARDING_KEYS = [
  'gradeLevel',
  'gradeSystem',
  'preferredDifficulty',
  'learningGoal',
  'practiceRhythm',
] as const;

/** Shallow merge of the preferences object: top-level keys overwrite (domain-rules §9.1). */
export const mergePreferences = (
  stored: unknown,
  patch: Record<string, unknown>,
): Record<string, unknown> => {
  const base =
    typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? (stored as Record<string, unknown>)
      : {};
  return { ...base, ...patch };
};
