import { describe, expect, it } from 'vitest';

import {
  AGE_GROUP_ALIASES,
  AGE_GROUPS,
  ageGroupForDifficulty,
  DIFFICULTIES,
  DIFFICULTY_ALIASES,
  difficultyForAgeGroup,
  EXERCISE_TYPE_ALIASES,
  EXERCISE_TYPES,
  isJsonTruthy,
  isThemedFlagSet,
  normalizeAgeGroup,
  normalizeDifficulty,
  normalizeExerciseType,
} from './exercise.rules.ts';

describe('normalizeExerciseType', () => {
  // Every alias of api-rest-core §4 / domain-rules §1.1, written out (not read from the table).
  const specAliases: [string, string][] = [
    ['addition', 'ADDITION'],
    ['add', 'ADDITION'],
    ['+', 'ADDITION'],
    ['plus', 'ADDITION'],
    ['soustraction', 'SOUSTRACTION'],
    ['subtract', 'SOUSTRACTION'],
    ['sub', 'SOUSTRACTION'],
    ['-', 'SOUSTRACTION'],
    ['minus', 'SOUSTRACTION'],
    ['multiplication', 'MULTIPLICATION'],
    ['multiply', 'MULTIPLICATION'],
    ['mult', 'MULTIPLICATION'],
    ['times', 'MULTIPLICATION'],
    ['*', 'MULTIPLICATION'],
    ['×', 'MULTIPLICATION'],
    ['division', 'DIVISION'],
    ['divide', 'DIVISION'],
    ['div', 'DIVISION'],
    ['/', 'DIVISION'],
    ['÷', 'DIVISION'],
    ['fractions', 'FRACTIONS'],
    ['fraction', 'FRACTIONS'],
    ['frac', 'FRACTIONS'],
    ['geometrie', 'GEOMETRIE'],
    ['geometry', 'GEOMETRIE'],
    ['geo', 'GEOMETRIE'],
    ['texte', 'TEXTE'],
    ['text', 'TEXTE'],
    ['question', 'TEXTE'],
    ['mixte', 'MIXTE'],
    ['mixed', 'MIXTE'],
    ['combiné', 'MIXTE'],
    ['combine', 'MIXTE'],
    ['divers', 'DIVERS'],
    ['misc', 'DIVERS'],
    ['other', 'DIVERS'],
  ];

  it.each(specAliases)('%s → %s', (alias, expected) => {
    expect(normalizeExerciseType(alias)).toBe(expected);
    expect(normalizeExerciseType(alias.toUpperCase())).toBe(expected);
    expect(normalizeExerciseType(` ${alias} `)).toBe(expected);
  });

  it('covers every alias of the table', () => {
    for (const type of EXERCISE_TYPES) {
      for (const alias of EXERCISE_TYPE_ALIASES[type])
        expect(normalizeExerciseType(alias)).toBe(type);
    }
  });

  it('accepts the stored values in any case', () => {
    for (const type of EXERCISE_TYPES) {
      expect(normalizeExerciseType(type)).toBe(type);
      expect(normalizeExerciseType(type.toLowerCase())).toBe(type);
    }
    expect(normalizeExerciseType('Géometrie')).toBe('ADDITION');
    expect(normalizeExerciseType('MiXtE')).toBe('MIXTE');
  });

  it('accepts subtraction and géométrie (deliberate difference: the legacy gave ADDITION)', () => {
    expect(normalizeExerciseType('subtraction')).toBe('SOUSTRACTION');
    expect(normalizeExerciseType('SUBTRACTION')).toBe('SOUSTRACTION');
    expect(normalizeExerciseType('géométrie')).toBe('GEOMETRIE');
  });

  it.each([undefined, null, '', '   ', 'unknown', 'addition!', '++', 'PADAWAN'])(
    'falls back to ADDITION for %j',
    (input) => {
      expect(normalizeExerciseType(input)).toBe('ADDITION');
    },
  );
});

describe('normalizeDifficulty', () => {
  const specAliases: [string, string][] = [
    ['initié', 'INITIE'],
    ['initie', 'INITIE'],
    ['easy', 'INITIE'],
    ['facile', 'INITIE'],
    ['debutant', 'INITIE'],
    ['débutant', 'INITIE'],
    ['padawan', 'PADAWAN'],
    ['medium', 'PADAWAN'],
    ['moyen', 'PADAWAN'],
    ['intermediaire', 'PADAWAN'],
    ['intermédiaire', 'PADAWAN'],
    ['chevalier', 'CHEVALIER'],
    ['hard', 'CHEVALIER'],
    ['difficile', 'CHEVALIER'],
    ['avance', 'CHEVALIER'],
    ['avancé', 'CHEVALIER'],
    ['maitre', 'MAITRE'],
    ['maître', 'MAITRE'],
    ['expert', 'MAITRE'],
    ['très difficile', 'MAITRE'],
    ['tres difficile', 'MAITRE'],
    ['grand maitre', 'GRAND_MAITRE'],
    ['grand maître', 'GRAND_MAITRE'],
    ['grandmaitre', 'GRAND_MAITRE'],
    ['master', 'GRAND_MAITRE'],
    ['adulte', 'GRAND_MAITRE'],
  ];

  it.each(specAliases)('%s → %s', (alias, expected) => {
    expect(normalizeDifficulty(alias)).toBe(expected);
    expect(normalizeDifficulty(alias.toUpperCase())).toBe(expected);
  });

  it('covers every alias of the table and the stored values', () => {
    for (const d of DIFFICULTIES) {
      for (const alias of DIFFICULTY_ALIASES[d]) expect(normalizeDifficulty(alias)).toBe(d);
      expect(normalizeDifficulty(d)).toBe(d);
      expect(normalizeDifficulty(d.toLowerCase())).toBe(d);
    }
  });

  it.each([undefined, null, '', 'impossible', 'grand-maitre'])(
    'falls back to PADAWAN for %j',
    (input) => {
      expect(normalizeDifficulty(input)).toBe('PADAWAN');
    },
  );
});

describe('normalizeAgeGroup', () => {
  const specAliases: [string, string][] = [
    ['6-8', '6-8'],
    ['6-8 ans', '6-8'],
    ['6 to 8 ans', '6-8'],
    ['6_8', '6-8'],
    ['group_6_8', '6-8'],
    ['GROUP_6_8', '6-8'],
    ['age_6_8', '6-8'],
    ['6-8ans', '6-8'],
    ['9-11', '9-11'],
    ['9-11 ans', '9-11'],
    ['9 to 11 ans', '9-11'],
    ['9_11', '9-11'],
    ['group_9_11', '9-11'],
    ['GROUP_9_12', '9-11'],
    ['GROUP_10_12', '9-11'],
    ['age_9_12', '9-11'],
    ['age_10_12', '9-11'],
    ['9-11ans', '9-11'],
    ['10-12', '9-11'],
    ['12-14', '12-14'],
    ['12-14 ans', '12-14'],
    ['12 to 14 ans', '12-14'],
    ['12_14', '12-14'],
    ['group_12_14', '12-14'],
    ['GROUP_13_15', '12-14'],
    ['age_13_15', '12-14'],
    ['12-14ans', '12-14'],
    ['13-15', '12-14'],
    ['15-17', '15-17'],
    ['15-17 ans', '15-17'],
    ['15 to 17 ans', '15-17'],
    ['15_17', '15-17'],
    ['group_15_17', '15-17'],
    ['GROUP_16_18', '15-17'],
    ['GROUP_15_17', '15-17'],
    ['age_16_18', '15-17'],
    ['15-17ans', '15-17'],
    ['adulte', 'adulte'],
    ['adultes', 'adulte'],
    ['adult', 'adulte'],
    ['adults', 'adulte'],
    ['18+', 'adulte'],
    ['majeur', 'adulte'],
    ['tous-ages', 'tous-ages'],
    ['tous ages', 'tous-ages'],
    ['all ages', 'tous-ages'],
    ['all', 'tous-ages'],
    ['tous', 'tous-ages'],
    ['all_ages', 'tous-ages'],
    ['tousages', 'tous-ages'],
  ];

  it.each(specAliases)('%s → %s', (alias, expected) => {
    expect(normalizeAgeGroup(alias)).toBe(expected);
    expect(normalizeAgeGroup(alias.toUpperCase())).toBe(expected);
  });

  it('covers every alias of the table; comparison ignores case and spaces and reads _ as -', () => {
    for (const group of AGE_GROUPS) {
      for (const alias of AGE_GROUP_ALIASES[group]) expect(normalizeAgeGroup(alias)).toBe(group);
      expect(normalizeAgeGroup(group)).toBe(group);
    }
    expect(normalizeAgeGroup(' 6 - 8 ')).toBe('6-8');
    expect(normalizeAgeGroup('Group-12-14')).toBe('12-14');
    expect(normalizeAgeGroup('ALL AGES')).toBe('tous-ages');
    expect(normalizeAgeGroup('a d u l t e')).toBe('adulte');
  });

  it.each([
    ['9', '9-11'],
    ['12', '12-14'],
    ['15', '15-17'],
    ['6', '6-8'],
    ['6-7', '6-8'],
    ['12-99', '12-14'],
    ['15_16', '15-17'],
    ['tous-x', 'tous-ages'],
  ])('prefix rule: %s → %s', (input, expected) => {
    expect(normalizeAgeGroup(input)).toBe(expected);
  });

  it.each([undefined, null, '', '   ', '10', '13', '16', 'PADAWAN', '-', 'enfants', '7-9'])(
    'falls back to 9-11 for %j',
    (input) => {
      expect(normalizeAgeGroup(input)).toBe('9-11');
    },
  );
});

describe('difficultyForAgeGroup', () => {
  it.each([
    ['6-8', 'INITIE'],
    ['9-11', 'PADAWAN'],
    ['12-14', 'CHEVALIER'],
    ['15-17', 'MAITRE'],
    ['adulte', 'GRAND_MAITRE'],
    ['tous-ages', 'PADAWAN'],
  ] as const)('%s → %s', (group, difficulty) => {
    expect(difficultyForAgeGroup(group)).toBe(difficulty);
  });

  it('composes with normalisation for unknown input (→ 9-11 → PADAWAN)', () => {
    expect(difficultyForAgeGroup(normalizeAgeGroup('n’importe quoi'))).toBe('PADAWAN');
  });

  it('ageGroupForDifficulty is the reverse mapping of §1.4', () => {
    for (const d of DIFFICULTIES) expect(difficultyForAgeGroup(ageGroupForDifficulty(d))).toBe(d);
  });
});

describe('request flags (§2.1)', () => {
  it.each([true, 1, 'true', 'TRUE', '1', 'yes', 'Yes', 'y', 'Y'])(
    'ai=%j selects the themed variant',
    (v) => {
      expect(isThemedFlagSet(v)).toBe(true);
    },
  );

  it.each([false, 0, 2, 'false', 'no', 'oui', '', ' true', null, undefined, {}, []])(
    'ai=%j does not',
    (v) => {
      expect(isThemedFlagSet(v)).toBe(false);
    },
  );

  it('save follows Python truthiness (even the string "false" saves)', () => {
    for (const v of [true, 1, -1, 'false', 'x', [0], { a: 1 }]) expect(isJsonTruthy(v)).toBe(true);
    for (const v of [false, 0, '', null, undefined, [], {}, Number.NaN])
      expect(isJsonTruthy(v)).toBe(false);
  });
});
