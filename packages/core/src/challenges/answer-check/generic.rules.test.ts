import { describe, expect, it } from 'vitest';

import { genericAnswerMatches, numberWithUnit } from './generic.rules.ts';

describe('genericAnswerMatches (§4.2)', () => {
  it.each([
    // the legacy's own consequences
    ['Rouge, Vert', 'rouge,vert'],
    ["['Rouge','Vert']", 'Rouge, Vert'],
    ['rouge vert', 'Rouge, Vert'],
    ['JEDI', 'jedi'],
    ['  42  ', '42'],
    // kinder than the legacy
    ['10.0', '10'],
    ['10', '10.0'],
    ['2,5', '2.5'],
    ['1 000', '1000'],
    ['Elephant', 'éléphant'],
    ['coeur', 'cœur'],
    ['42.', '42'],
    ['10 , 12', '10, 12'],
    ['[10, 12]', '10, 12'],
  ])('accepts %j for %j', (user, correct) => {
    expect(genericAnswerMatches(user, correct)).toBe(true);
  });

  it.each([
    ['vert, rouge', 'rouge, vert'],
    ['rouge', 'rouge, vert'],
    ['rouge, vert, bleu', 'rouge, vert'],
    ['11', '10'],
    ['10.5', '10'],
    ['2,5', '2, 5, 8'],
    ['', '10'],
    ['   ', '10'],
    ['dix', '10'],
  ])('refuses %j for %j', (user, correct) => {
    expect(genericAnswerMatches(user, correct)).toBe(false);
  });

  it('reads a decimal comma as a list when the stored answer is a list', () => {
    expect(genericAnswerMatches('2,5', '2, 5')).toBe(true);
    expect(genericAnswerMatches('2.5', '2, 5')).toBe(false);
  });

  it('never solves a challenge with a blank stored answer (the legacy matched a blank answer)', () => {
    expect(genericAnswerMatches('', '')).toBe(false);
    expect(genericAnswerMatches('   ', '  ')).toBe(false);
    expect(genericAnswerMatches('[]', '[]')).toBe(false);
  });

  it('accepts one unit word or a currency sign after an expected number', () => {
    expect(genericAnswerMatches('8 jours', '8')).toBe(true);
    expect(genericAnswerMatches('8 jours.', '8')).toBe(true);
    expect(genericAnswerMatches('0,05 €', '0.05')).toBe(true);
    expect(genericAnswerMatches('0,05€', '0.05')).toBe(true);
    expect(genericAnswerMatches('48 km', '48')).toBe(true);
    expect(genericAnswerMatches('9 jours', '8')).toBe(false);
    expect(genericAnswerMatches('8 et demi', '8')).toBe(false);
    expect(genericAnswerMatches('8 ou 9', '8')).toBe(false);
    expect(genericAnswerMatches('8 jours pile', '8')).toBe(false);
    expect(genericAnswerMatches('8 jours', '8, 9')).toBe(false);
  });

  it.each([
    ['8', '8'],
    ['8 jours', '8'],
    ['2,5 m', '2.5'],
    ['1 000 km', '1000'],
    ['12 €', '12'],
    ['8 demi', null],
    ['jours', null],
    ['8 %', null],
    ['8 j0urs', null],
    ['', null],
  ])('numberWithUnit(%j) → %j', (raw, value) => {
    expect(numberWithUnit(raw)).toBe(value);
  });

  it('ignores a plural on both sides of a riddle answer', () => {
    expect(genericAnswerMatches('les escaliers', 'un escalier', { freeText: true })).toBe(true);
    expect(genericAnswerMatches('escalier', 'Les escaliers', { freeText: true })).toBe(true);
    expect(genericAnswerMatches('les escaliers', 'un escalier')).toBe(false);
    expect(genericAnswerMatches('un ascenseur', 'un escalier', { freeText: true })).toBe(false);
  });

  it('ignores a leading article only when asked (riddles)', () => {
    expect(genericAnswerMatches('un trou', 'trou')).toBe(false);
    expect(genericAnswerMatches('un trou', 'trou', { freeText: true })).toBe(true);
    expect(genericAnswerMatches('Le trou !', 'Un trou', { freeText: true })).toBe(true);
    expect(genericAnswerMatches("L'ombre", 'ombre', { freeText: true })).toBe(true);
    expect(genericAnswerMatches('une ombre', "l'ombre", { freeText: true })).toBe(true);
    expect(genericAnswerMatches('son ombre', 'ombre', { freeText: true })).toBe(false);
    expect(genericAnswerMatches('un pont', 'un trou', { freeText: true })).toBe(false);
  });
});
