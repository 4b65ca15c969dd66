import { describe, expect, it } from 'vitest';

import {
  AGE_GROUP_FORMS,
  mapAgeGroup,
  mapAuditDetails,
  mapBadgeCategory,
  mapBadgeTier,
  mapChallengeType,
  mapChoices,
  mapDifficulty,
  mapEdtechEvent,
  mapExerciseType,
  mapFeedbackStatus,
  mapFeedbackType,
  mapGradeSystem,
  mapHints,
  mapJsonObject,
  mapPinnedBadgeIds,
  mapPreferences,
  mapUserRole,
} from './legacy-values.rules.ts';

describe('mapUserRole', () => {
  it.each([
    ['PADAWAN', 'PADAWAN', true],
    ['MAITRE', 'MAITRE', true],
    ['GARDIEN', 'GARDIEN', true],
    ['ARCHIVISTE', 'ARCHIVISTE', true],
    ['archiviste', 'ARCHIVISTE', false],
    ['gardien', 'GARDIEN', false],
    [' Maitre ', 'MAITRE', false],
    ['ADMIN', 'PADAWAN', false],
    ['chevalier', 'PADAWAN', false],
    [null, 'PADAWAN', false],
  ] as const)('%s → %s (canonical %s)', (raw, value, canonical) => {
    expect(mapUserRole(raw)).toEqual({ value, canonical });
  });
});

describe('mapAgeGroup', () => {
  it.each([
    ['6-8', 'GROUP_6_8'],
    ['enfant', 'GROUP_6_8'],
    ['GROUP_6_8', 'GROUP_6_8'],
    ['9-11', 'GROUP_9_11'],
    ['10-12', 'GROUP_9_11'],
    ['9-12', 'GROUP_9_11'],
    ['GROUP_10_12', 'GROUP_9_11'],
    ['age_10_12', 'GROUP_9_11'],
    ['12-14', 'GROUP_12_14'],
    ['13-15', 'GROUP_12_14'],
    ['12-13', 'GROUP_12_14'],
    ['adolescent', 'GROUP_12_14'],
    ['GROUP_13_15', 'GROUP_12_14'],
    ['15-17', 'GROUP_15_17'],
    ['13+', 'GROUP_15_17'],
    ['GROUP_16_18', 'GROUP_15_17'],
    ['adulte', 'ADULT'],
    ['ADULT', 'ADULT'],
    ['18+', 'ADULT'],
    ['majeur', 'ADULT'],
    ['tous-ages', 'ALL_AGES'],
    ['ALL_AGES', 'ALL_AGES'],
    ['all', 'ALL_AGES'],
    ['tous', 'ALL_AGES'],
  ] as const)('%s → %s', (raw, value) => {
    expect(mapAgeGroup(raw, AGE_GROUP_FORMS.api).value).toBe(value);
  });

  it('is canonical only in the spelling the column normally holds', () => {
    expect(mapAgeGroup('9-11', AGE_GROUP_FORMS.api).canonical).toBe(true);
    expect(mapAgeGroup('GROUP_10_12', AGE_GROUP_FORMS.api).canonical).toBe(false);
    expect(mapAgeGroup('GROUP_10_12', AGE_GROUP_FORMS.label).canonical).toBe(true);
    expect(mapAgeGroup('9-11', AGE_GROUP_FORMS.label).canonical).toBe(false);
  });

  it('does not guess an unknown value, and treats NULL as nothing to report', () => {
    expect(mapAgeGroup('martians', AGE_GROUP_FORMS.api)).toEqual({ value: null, canonical: false });
    expect(mapAgeGroup(null, AGE_GROUP_FORMS.api)).toEqual({ value: null, canonical: true });
  });
});

describe('mapExerciseType and mapDifficulty', () => {
  it.each([
    ['ADDITION', 'ADDITION', true],
    ['addition', 'ADDITION', false],
    ['+', 'ADDITION', false],
    ['minus', 'SOUSTRACTION', false],
    ['×', 'MULTIPLICATION', false],
    ['÷', 'DIVISION', false],
    ['frac', 'FRACTIONS', false],
    ['geometry', 'GEOMETRIE', false],
    ['question', 'TEXTE', false],
    ['MIXED', 'MIXTE', false],
    ['misc', 'DIVERS', false],
    ['challenge', null, false],
  ] as const)('exercise type %s → %s', (raw, value, canonical) => {
    expect(mapExerciseType(raw)).toEqual({ value, canonical });
  });

  it.each([
    ['INITIE', 'INITIE', true],
    ['initie', 'INITIE', false],
    ['débutant', 'INITIE', false],
    ['medium', 'PADAWAN', false],
    ['hard', 'CHEVALIER', false],
    ['très difficile', 'MAITRE', false],
    ['GRAND_MAITRE', 'GRAND_MAITRE', true],
    ['grand maître', 'GRAND_MAITRE', false],
    ['impossible', null, false],
  ] as const)('difficulty %s → %s', (raw, value, canonical) => {
    expect(mapDifficulty(raw)).toEqual({ value, canonical });
  });
});

describe('mapChallengeType', () => {
  it('copies labels, maps SPATIAL to VISUAL and upper-cases', () => {
    expect(mapChallengeType('SEQUENCE')).toEqual({ value: 'SEQUENCE', canonical: true });
    expect(mapChallengeType('SPATIAL')).toEqual({ value: 'VISUAL', canonical: false });
    expect(mapChallengeType('riddle')).toEqual({ value: 'RIDDLE', canonical: false });
    expect(mapChallengeType('LABYRINTH')).toEqual({ value: null, canonical: false });
  });
});

describe('lower-case value sets', () => {
  it('maps badge categories, tiers, feedback, events and grade systems', () => {
    expect(mapBadgeCategory('progression')).toEqual({ value: 'PROGRESSION', canonical: true });
    expect(mapBadgeCategory('Mastery')).toEqual({ value: 'MASTERY', canonical: false });
    expect(mapBadgeCategory('weird')).toEqual({ value: null, canonical: false });
    expect(mapBadgeTier('GOLD')).toEqual({ value: 'GOLD', canonical: false });
    expect(mapBadgeTier('legendary')).toEqual({ value: 'LEGENDARY', canonical: true });
    expect(mapFeedbackType('ui')).toEqual({ value: 'UI', canonical: true });
    expect(mapFeedbackStatus('resolved')).toEqual({ value: 'RESOLVED', canonical: true });
    expect(mapEdtechEvent('quick_start_click')).toEqual({
      value: 'QUICK_START_CLICK',
      canonical: true,
    });
    expect(mapEdtechEvent('bogus')).toEqual({ value: null, canonical: false });
    expect(mapGradeSystem('SUISSE')).toEqual({ value: 'SUISSE', canonical: false });
    expect(mapGradeSystem(null)).toEqual({ value: null, canonical: true });
  });
});

describe('JSON columns', () => {
  it('parses the TEXT preferences into an object, {} otherwise', () => {
    expect(mapPreferences('{"large_text": true}')).toEqual({
      value: { large_text: true },
      canonical: true,
    });
    expect(mapPreferences(null)).toEqual({ value: {}, canonical: true });
    expect(mapPreferences('')).toEqual({ value: {}, canonical: true });
    expect(mapPreferences('not json')).toEqual({ value: {}, canonical: false });
    expect(mapPreferences('[1, 2]')).toEqual({ value: {}, canonical: false });
  });

  it('normalises choices: JSON-encoded strings parsed, numbers as text, others dropped', () => {
    expect(mapChoices(['1', '2'])).toEqual({ value: ['1', '2'], canonical: true });
    expect(mapChoices('["a", "b"]')).toEqual({ value: ['a', 'b'], canonical: false });
    expect(mapChoices([1, '0.5', null])).toEqual({ value: ['1', '0.5'], canonical: false });
    expect(mapChoices({ a: 1 })).toEqual({ value: null, canonical: false });
    expect(mapChoices('garbage')).toEqual({ value: null, canonical: false });
    expect(mapChoices(null)).toEqual({ value: null, canonical: true });
  });

  it('normalises hints: a plain string becomes a list of one, a non-list an empty list', () => {
    expect(mapHints(['a'])).toEqual({ value: ['a'], canonical: true });
    expect(mapHints('just one hint')).toEqual({ value: ['just one hint'], canonical: false });
    expect(mapHints('["x", "y"]')).toEqual({ value: ['x', 'y'], canonical: false });
    expect(mapHints({ not: 'a list' })).toEqual({ value: [], canonical: false });
    expect(mapHints(null)).toEqual({ value: null, canonical: true });
  });

  it('keeps objects, parses JSON-encoded objects, drops the rest', () => {
    expect(mapJsonObject({ a: 1 })).toEqual({ value: { a: 1 }, canonical: true });
    expect(mapJsonObject('{}')).toEqual({ value: {}, canonical: false });
    expect(mapJsonObject('"not an object"')).toEqual({ value: null, canonical: false });
    expect(mapJsonObject([1])).toEqual({ value: null, canonical: false });
  });

  it('parses audit details, keeping unparseable text as a JSON string', () => {
    expect(mapAuditDetails('{"fields": ["name"]}')).toEqual({
      value: { fields: ['name'] },
      canonical: true,
    });
    expect(mapAuditDetails('not json')).toEqual({ value: 'not json', canonical: false });
    expect(mapAuditDetails(null)).toEqual({ value: null, canonical: true });
  });

  it('keeps up to 3 distinct integer pinned ids in order', () => {
    expect(mapPinnedBadgeIds([3, 1])).toEqual({ ids: [3, 1], dropped: [] });
    expect(mapPinnedBadgeIds([999, 3, 3, '4', 5, 6])).toEqual({
      ids: [999, 3, 4],
      dropped: [3, 5, 6],
    });
    expect(mapPinnedBadgeIds('[1, 2]')).toEqual({ ids: [1, 2], dropped: [] });
    expect(mapPinnedBadgeIds('oops')).toEqual({ ids: [], dropped: ['oops'] });
    expect(mapPinnedBadgeIds([0, -1, 1.5, 'x'])).toEqual({ ids: [], dropped: [0, -1, 1.5, 'x'] });
    expect(mapPinnedBadgeIds(null)).toEqual({ ids: [], dropped: [] });
  });
});
