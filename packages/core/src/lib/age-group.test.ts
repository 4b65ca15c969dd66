import { describe, expect, it } from 'vitest';

import { AGE_GROUP_LABELS, ageGroupLabelOf, dbAgeGroupOf, type DbAgeGroup } from './age-group.ts';

describe('age groups', () => {
  it('maps every database value to its label and back', () => {
    for (const db of Object.keys(AGE_GROUP_LABELS) as DbAgeGroup[]) {
      expect(dbAgeGroupOf(ageGroupLabelOf(db))).toBe(db);
    }
    expect(ageGroupLabelOf('ADULT')).toBe('adulte');
    expect(dbAgeGroupOf('tous-ages')).toBe('ALL_AGES');
    expect(new Set(Object.values(AGE_GROUP_LABELS)).size).toBe(6);
  });
});
