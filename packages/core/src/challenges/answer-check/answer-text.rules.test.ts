import { describe, expect, it } from 'vitest';

import {
  canonicalNumber,
  canonicalToken,
  foldText,
  sameList,
  toAnswerList,
  trimAnswer,
  withoutLeadingArticle,
} from './answer-text.rules.ts';

describe('foldText', () => {
  it.each([
    ['  Éléphant  ', 'elephant'],
    ['Œuf de CŒUR', 'oeuf de coeur'],
    ['Ça   va\t\nbien', 'ca va bien'],
    ['l’ombre', "l'ombre"],
    ['«\u00a0Oui\u00a0»', '" oui "'],
    ['ＡＢＣ１２', 'abc12'],
    ['ﬁn', 'fin'],
    ['a\u200bb\ufeff', 'ab'],
    ['İstanbul', 'istanbul'],
    ['Straße', 'strasse'],
    ['', ''],
  ])('%j → %j', (raw, folded) => {
    expect(foldText(raw)).toBe(folded);
  });
});

describe('trimAnswer', () => {
  it.each([
    ['10.', '10'],
    [' Un trou ! ', 'Un trou'],
    ['A, B, C;', 'A, B, C'],
    ['...', ''],
    ['2.5', '2.5'],
    ['[a, b]', '[a, b]'],
  ])('%j → %j', (raw, trimmed) => {
    expect(trimAnswer(raw)).toBe(trimmed);
  });
});

describe('canonicalNumber', () => {
  it.each([
    ['10', '10'],
    ['10.0', '10'],
    ['010', '10'],
    ['2,50', '2.5'],
    ['.5', '0.5'],
    ['-3', '-3'],
    ['−3', '-3'],
    ['-0.0', '0'],
    ['1 000', '1000'],
    ['0.001', '0.001'],
    ['-0.25', '-0.25'],
  ])('%j → %j', (raw, canonical) => {
    expect(canonicalNumber(raw)).toBe(canonical);
  });

  it.each(['', 'abc', '1e3', '1/2', '10 %', '1.2.3', '--1', '1234567890123456'])(
    'is null for %j',
    (raw) => {
      expect(canonicalNumber(raw)).toBeNull();
    },
  );

  it('keeps folded text for tokens that are not numbers', () => {
    expect(canonicalToken(' Rouge ')).toBe('rouge');
    expect(canonicalToken('12.50')).toBe('12.5');
  });
});

describe('toAnswerList (the legacy ToList, §4.2)', () => {
  it.each([
    ['Rouge, Vert', ['rouge', 'vert']],
    ['rouge,vert', ['rouge', 'vert']],
    ["['Rouge','Vert']", ['rouge', 'vert']],
    ['["a, b", "c"]', ['a, b', 'c']],
    ['[1, 2.0, 3]', ['1', '2', '3']],
    ['[ , a, ]', ['a']],
    ['A B  C', ['a', 'b', 'c']],
    ['42', ['42']],
    ['42.', ['42']],
    ['  ', []],
    ['', []],
    ['a; b ;c', ['a', 'b', 'c']],
    ['[]', []],
  ])('%j → %j', (raw, list) => {
    expect(toAnswerList(raw)).toEqual(list);
  });
});

describe('withoutLeadingArticle', () => {
  it.each([
    [['un', 'trou'], ['trou']],
    [['le', 'temps'], ['temps']],
    [["l'ombre"], ['ombre']],
    [["d'accord"], ['accord']],
    [['le'], ['le']],
    [['trou'], ['trou']],
    [[], []],
    [["l'"], ["l'"]],
  ])('%j → %j', (tokens, result) => {
    expect(withoutLeadingArticle(tokens)).toEqual(result);
  });
});

describe('sameList', () => {
  it('compares in order and by length', () => {
    expect(sameList(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameList(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameList(['a'], ['a', 'a'])).toBe(false);
  });
});
