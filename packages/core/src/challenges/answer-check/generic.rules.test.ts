import { describe, expect, it } from 'vitest';

import { genericAnswerMatches } from './generic.rules.ts';

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

  it('ignores a leading article only when asked (riddles)', () => {
    expect(genericAnswerMatches('un trou', 'trou')).toBe(false);
    expect(genericAnswerMatches('un trou', 'trou', { ignoreArticles: true })).toBe(true);
    expect(genericAnswerMatches('Le trou !', 'Un trou', { ignoreArticles: true })).toBe(true);
    expect(genericAnswerMatches("L'ombre", 'ombre', { ignoreArticles: true })).toBe(true);
    expect(genericAnswerMatches('une ombre', "l'ombre", { ignoreArticles: true })).toBe(true);
    expect(genericAnswerMatches('son ombre', 'ombre', { ignoreArticles: true })).toBe(false);
    expect(genericAnswerMatches('un pont', 'un trou', { ignoreArticles: true })).toBe(false);
  });
});
