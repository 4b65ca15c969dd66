import { describe, expect, it } from 'vitest';

import { parseDecimal, parseFraction } from '../../lib/rational.ts';
import { normalizeText } from '../../lib/text.ts';
import type { AnswerKind } from '../exercise.rules.ts';
import { checkAnswer } from './check-answer.ts';

describe('checkAnswer: integer', () => {
  it.each(['10', ' 10 ', '10.0', '10,0', '10.000', '+10', '010', '\u00a010\t', '10.'])(
    'accepts %j for 10',
    (submitted) => {
      expect(checkAnswer('integer', '10', submitted)).toBe(true);
    },
  );

  it.each(['11', '10.5', '1e1', '10 cm', 'dix', '', '  ', '10/1', '1 0', '--10', '10,5'])(
    'rejects %j for 10',
    (submitted) => {
      expect(checkAnswer('integer', '10', submitted)).toBe(false);
    },
  );

  it('reads thousands groups and the Unicode minus', () => {
    expect(checkAnswer('integer', '1000', '1 000')).toBe(true);
    expect(checkAnswer('integer', '12500', '12\u202f500')).toBe(true);
    expect(checkAnswer('integer', '1000', '10 00')).toBe(false);
    expect(checkAnswer('integer', '-3', '−3')).toBe(true);
    expect(checkAnswer('integer', '-3', '3')).toBe(false);
  });
});

describe('checkAnswer: decimal', () => {
  it.each(['0.5', '0,5', '.5', ',5', '0.50', ' 0,500 '])('accepts %j for 0.5', (submitted) => {
    expect(checkAnswer('decimal', '0.5', submitted)).toBe(true);
  });

  it('compares exactly, without tolerance', () => {
    expect(checkAnswer('decimal', '50.24', '50,24')).toBe(true);
    expect(checkAnswer('decimal', '50.24', '50.2')).toBe(false);
    expect(checkAnswer('decimal', '50.24', '50.27')).toBe(false);
    expect(checkAnswer('decimal', '12', '12.0')).toBe(true);
    expect(checkAnswer('decimal', '17.5', '17,50')).toBe(true);
    expect(checkAnswer('decimal', '0.5', '1/2')).toBe(false);
  });
});

describe('checkAnswer: fraction', () => {
  it('value answers accept any equal fraction or decimal', () => {
    const params = { kind: 'fraction_op', answerForm: 'value' };
    for (const s of ['1/2', '2/4', ' 1 / 2 ', '0.5', '0,5', '3/6', '-1/-2']) {
      expect(checkAnswer('fraction', '1/2', s, params)).toBe(true);
    }
    for (const s of ['1/3', '2/3', '0.4', '1/0', '1/', '/2', '½', 'un demi']) {
      expect(checkAnswer('fraction', '1/2', s, params)).toBe(false);
    }
  });

  it('value is the default when the params are missing or unusable', () => {
    expect(checkAnswer('fraction', '1/2', '2/4')).toBe(true);
    expect(checkAnswer('fraction', '1/2', '2/4', null)).toBe(true);
    expect(checkAnswer('fraction', '1/2', '2/4', 'garbage')).toBe(true);
    expect(checkAnswer('fraction', '1/2', '2/4', { answerForm: 42 })).toBe(true);
  });

  it('an unreduced canonical answer is matched by value', () => {
    expect(checkAnswer('fraction', '2/4', '1/2', { answerForm: 'value' })).toBe(true);
    expect(checkAnswer('fraction', '9/12', '3/4')).toBe(true);
  });

  it('simplified answers accept only the irreducible form', () => {
    const params = { answerForm: 'simplified' };
    expect(checkAnswer('fraction', '3/4', '3/4', params)).toBe(true);
    expect(checkAnswer('fraction', '3/4', ' 3 / 4 ', params)).toBe(true);
    expect(checkAnswer('fraction', '3/4', '6/8', params)).toBe(false);
    expect(checkAnswer('fraction', '3/4', '0.75', params)).toBe(false);
    expect(checkAnswer('fraction', '3/4', '-3/-4', params)).toBe(false);
    expect(checkAnswer('fraction', '2', '2', params)).toBe(true);
    expect(checkAnswer('fraction', '2', '2/1', params)).toBe(true);
    expect(checkAnswer('fraction', '2', '4/2', params)).toBe(false);
    expect(checkAnswer('fraction', '2', '2.0', params)).toBe(false);
  });
});

describe('checkAnswer: text', () => {
  it('ignores case, accents, surrounding and repeated spaces, apostrophe styles', () => {
    expect(checkAnswer('text', 'Éléphant', ' elephant ')).toBe(true);
    expect(checkAnswer('text', 'le  grand carré', 'LE GRAND CARRE')).toBe(true);
    expect(checkAnswer('text', "l'étoile", 'l’étoile')).toBe(true);
    expect(checkAnswer('text', 'Paris', 'Pari')).toBe(false);
    expect(checkAnswer('text', 'Paris', '')).toBe(false);
  });

  it('normalizeText', () => {
    expect(normalizeText('  Ça   Va\u00a0?  ')).toBe('ca va ?');
  });
});

describe('checkAnswer: garbage never throws', () => {
  const kinds: AnswerKind[] = ['integer', 'decimal', 'fraction', 'text'];
  const garbage: unknown[] = [
    '',
    ' ',
    '∞',
    'NaN',
    'Infinity',
    '1e400',
    '9'.repeat(400),
    '1/0',
    '0/0',
    '////',
    '\u0000',
    '💫',
    null,
    undefined,
    42,
    {},
    [],
    true,
  ];

  it('returns false for garbage, whatever the kind and params', () => {
    for (const kind of kinds) {
      for (const g of garbage) {
        for (const params of [undefined, null, { answerForm: 'simplified' }, 'x', 3]) {
          expect(checkAnswer(kind, '12', g as string, params)).toBe(false);
          expect(checkAnswer(kind, g as string, '12', params)).toBe(false);
        }
      }
    }
  });

  it('an unknown kind falls back to trimmed string equality', () => {
    expect(checkAnswer('weird' as AnswerKind, 'abc', ' abc ')).toBe(true);
    expect(checkAnswer('weird' as AnswerKind, 'abc', 'ABC')).toBe(false);
  });

  it('an empty stored answer never matches (domain-rules §3.1)', () => {
    expect(checkAnswer('text', '', '')).toBe(false);
    expect(checkAnswer('integer', ' ', ' ')).toBe(false);
  });
});

describe('parsers', () => {
  it('parseDecimal', () => {
    expect(parseDecimal('12')).toEqual({ p: 12, q: 1 });
    expect(parseDecimal('-3,25')).toEqual({ p: -325, q: 100 });
    expect(parseDecimal('.5')).toEqual({ p: 5, q: 10 });
    expect(parseDecimal('1 234,5')).toEqual({ p: 12345, q: 10 });
    for (const bad of ['', '.', '-', '1.2.3', '1,2,3', 'abc', '1e3', '0x10', '1 23']) {
      expect(parseDecimal(bad)).toBeNull();
    }
  });

  it('parseFraction', () => {
    expect(parseFraction('3/4')).toEqual({ p: 3, q: 4 });
    expect(parseFraction(' 3 / -4 ')).toEqual({ p: -3, q: 4 });
    for (const bad of ['3/0', '3', '3/4/5', 'a/b', '1.5/2', '/4'])
      expect(parseFraction(bad)).toBeNull();
  });
});
