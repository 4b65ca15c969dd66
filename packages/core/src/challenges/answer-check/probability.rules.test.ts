import { describe, expect, it } from 'vitest';

import { parseProbability, probabilityAnswerMatches } from './probability.rules.ts';

describe('parseProbability', () => {
  it.each([
    ['6/10', 6n, 10n, null],
    [' 3 / 5 ', 3n, 5n, null],
    ['0.6', 6n, 10n, 1],
    ['0,6', 6n, 10n, 1],
    ['.25', 25n, 100n, 2],
    ['60%', 60n, 100n, 2],
    ['60 %', 60n, 100n, 2],
    ['12,5 %', 125n, 1000n, 3],
    ['60 pour cent', 60n, 100n, 2],
    ['3 sur 5', 3n, 5n, null],
    ['3 chances sur 5', 3n, 5n, null],
    ['1 chance sur 6', 1n, 6n, null],
    ['1/-2', -1n, 2n, null],
    ['1', 1n, 1n, 0],
  ])('%j', (raw, p, q, decimals) => {
    expect(parseProbability(raw)).toEqual({ value: { p, q }, decimals });
  });

  it.each(['', 'rouge', '1/0', '0/0', '/', '6/', '%', '1e3', '1/2/3', 'un sur deux', '60%%'])(
    'is null for %j',
    (raw) => {
      expect(parseProbability(raw)).toBeNull();
    },
  );
});

describe('probabilityAnswerMatches (§4.5)', () => {
  it.each([
    '6/10',
    '3/5',
    '0.6',
    '0,6',
    '60%',
    '60 %',
    '0.60',
    '3 sur 5',
    '3 chances sur 5',
    '12/20',
  ])('accepts %j for 6/10', (user) => {
    expect(probabilityAnswerMatches(user, '6/10')).toBe(true);
  });

  it.each(['0.5', '6', '61%', '3/4', '0.66', 'six dixièmes', '', '6/0'])(
    'refuses %j for 6/10',
    (user) => {
      expect(probabilityAnswerMatches(user, '6/10')).toBe(false);
    },
  );

  it('accepts a value rounded or truncated to at least two decimals', () => {
    for (const user of ['0.33', '33%', '0,333', '33,3 %', '0.3333', '1/3', '2/6']) {
      expect(probabilityAnswerMatches(user, '1/3'), user).toBe(true);
    }
    for (const user of ['0.3', '30%', '0.34', '0.32', '0.334', '3/10']) {
      expect(probabilityAnswerMatches(user, '1/3'), user).toBe(false);
    }
    for (const user of ['0.67', '0.66', '67 %', '66 %', '0.667', '0.666']) {
      expect(probabilityAnswerMatches(user, '2/3'), user).toBe(true);
    }
    expect(probabilityAnswerMatches('0.7', '2/3')).toBe(false);
    expect(probabilityAnswerMatches('0.12', '1/8')).toBe(true);
    expect(probabilityAnswerMatches('0.13', '1/8')).toBe(true);
    expect(probabilityAnswerMatches('0.14', '1/8')).toBe(false);
  });

  it('requires the exact value when it has few decimals (the legacy accepted |u − c| < 0.001)', () => {
    expect(probabilityAnswerMatches('0.26', '1/4')).toBe(false);
    expect(probabilityAnswerMatches('0.2509', '1/4')).toBe(false);
    expect(probabilityAnswerMatches('0.25', '1/4')).toBe(true);
    expect(probabilityAnswerMatches('25%', '0,25')).toBe(true);
  });

  it('compares a stored text answer as folded text', () => {
    expect(probabilityAnswerMatches('Impossible', 'impossible')).toBe(true);
    expect(probabilityAnswerMatches('  IMPOSSIBLE ', 'impossible')).toBe(true);
    expect(probabilityAnswerMatches('certain', 'impossible')).toBe(false);
  });

  it('never solves a blank stored answer', () => {
    expect(probabilityAnswerMatches('', '')).toBe(false);
    expect(probabilityAnswerMatches(' ', '  ')).toBe(false);
  });
});
