/**
 * The age groups: the database enum names (`GROUP_6_8`…) and the labels the API and the legacy use
 * (`6-8`…). One table for every feature (accounts' preferred age group, exercises, logic challenges).
 */
export const AGE_GROUP_LABELS = {
  GROUP_6_8: '6-8',
  GROUP_9_11: '9-11',
  GROUP_12_14: '12-14',
  GROUP_15_17: '15-17',
  ADULT: 'adulte',
  ALL_AGES: 'tous-ages',
} as const;
export type DbAgeGroup = keyof typeof AGE_GROUP_LABELS;
export type AgeGroupLabel = (typeof AGE_GROUP_LABELS)[DbAgeGroup];

const DB_AGE_GROUP_OF_LABEL = Object.fromEntries(
  Object.entries(AGE_GROUP_LABELS).map(([db, label]) => [label, db]),
) as Record<AgeGroupLabel, DbAgeGroup>;

export const ageGroupLabelOf = (value: DbAgeGroup): AgeGroupLabel => AGE_GROUP_LABELS[value];
export const dbAgeGroupOf = (label: AgeGroupLabel): DbAgeGroup => DB_AGE_GROUP_OF_LABEL[label];
