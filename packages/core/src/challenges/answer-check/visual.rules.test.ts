import { describe, expect, it } from 'vitest';

import { parsePositions, visualAnswerMatches } from './visual.rules.ts';

const visual = (user: string, correct: string | null): boolean =>
  visualAnswerMatches('visual', user, correct, null);
const pattern = (user: string, correct: string | null, visualData: unknown = null): boolean =>
  visualAnswerMatches('pattern', user, correct, visualData);

describe('parsePositions (§4.8 step 3)', () => {
  it.each([
    [
      'Position 6: carré bleu, Position 9: triangle vert',
      [
        { position: 6, answer: 'carre bleu' },
        { position: 9, answer: 'triangle vert' },
      ],
    ],
    [
      '6:cercle rouge,9:étoile jaune',
      [
        { position: 6, answer: 'cercle rouge' },
        { position: 9, answer: 'etoile jaune' },
      ],
    ],
    ['case 3 = rond vert', [{ position: 3, answer: 'cercle vert' }]],
    ['cercle rouge', [{ position: 0, answer: 'cercle rouge' }]],
    ['Position: 12', [{ position: 0, answer: 'position 12' }]],
    ['3:4', [{ position: 0, answer: '3:4' }]],
    [',,', [{ position: 0, answer: ',,' }]],
  ])('%j', (text, pairs) => {
    expect(parsePositions(text)).toEqual(pairs);
  });
});

describe('visualAnswerMatches: visual', () => {
  it.each([
    ['cercle rouge', 'cercle rouge'],
    ['Rouge Cercle', 'cercle rouge'],
    ['rond rouge', 'cercle rouge'],
    ['  CERCLE ROUGE. ', 'cercle rouge'],
    ['étoiles jaunes', 'étoile jaune'],
    ['carré bleu, triangle vert', 'Position 6: carré bleu, Position 9: triangle vert'],
    ['triangle vert, carré bleu', 'Position 6: carré bleu, Position 9: triangle vert'],
    ['9: triangle vert, 6: carré bleu', 'Position 6: carré bleu, Position 9: triangle vert'],
    ['Position 6: carré bleu', 'Position 6: carré bleu'],
    ['carré bleu', 'Position 6: carré bleu'],
    ['cercle rouge, carré bleu', 'cercle rouge, carré bleu'],
  ])('accepts %j for %j', (user, correct) => {
    expect(visual(user, correct)).toBe(true);
  });

  it.each([
    // the legacy compared the first word only: "cercle bleu" passed for "cercle rouge"
    ['cercle bleu', 'cercle rouge'],
    ['cercle', 'cercle rouge'],
    ['rouge', 'cercle rouge'],
    // the legacy kept the first item of a list: a shotgun answer passed
    ['cercle rouge, carré bleu', 'cercle rouge'],
    ['carré bleu, cercle rouge', 'cercle rouge, carré bleu'],
    [
      'Position 9: carré bleu, Position 6: triangle vert',
      'Position 6: carré bleu, Position 9: triangle vert',
    ],
    ['carré bleu', 'Position 6: carré bleu, Position 9: triangle vert'],
    ['', 'cercle rouge'],
  ])('refuses %j for %j', (user, correct) => {
    expect(visual(user, correct)).toBe(false);
  });

  it('compares answer sets when the counts differ (legacy rule)', () => {
    expect(visual('Position 6: carré bleu', 'Position 6: carré bleu, Position 9: carré bleu')).toBe(
      true,
    );
  });

  it('never solves a visual challenge without a stored answer', () => {
    expect(visual('cercle rouge', null)).toBe(false);
    expect(visual('', '  ')).toBe(false);
  });
});

describe('visualAnswerMatches: pattern', () => {
  const grid = {
    grid: [
      ['X', 'O', 'X'],
      ['O', 'X', 'O'],
      ['X', 'O', '?'],
    ],
  };

  it('compares a multi-cell answer item by item, in order', () => {
    expect(pattern('O, O, X, O', 'O, O, X, O')).toBe(true);
    expect(pattern('o o x o', 'O, O, X, O')).toBe(true);
    expect(pattern('[o, o, x, o]', 'O, O, X, O')).toBe(true);
    expect(pattern('O, X, O, O', 'O, O, X, O')).toBe(false);
    expect(pattern('O, O, X', 'O, O, X, O')).toBe(false);
  });

  it('keeps the stored answer even when the grid analysis disagrees (the legacy let the grid win)', () => {
    expect(pattern('O', 'O', grid)).toBe(true);
    expect(pattern('X', 'O', grid)).toBe(false);
  });

  it('uses the grid analysis when the pattern has no stored answer', () => {
    expect(pattern('X', null, grid)).toBe(true);
    expect(pattern('x', '', grid)).toBe(true);
    expect(pattern('O', null, grid)).toBe(false);
    expect(pattern('X', null, { grid: [['?']] })).toBe(false);
    expect(pattern('X', null, null)).toBe(false);
  });

  it('uses positions for a multi-cell answer that names them', () => {
    expect(pattern('2: rouge, 5: bleu', 'Position 2: rouge, Position 5: bleu')).toBe(true);
    expect(pattern('rouge, bleu', 'Position 2: rouge, Position 5: bleu')).toBe(true);
    expect(pattern('bleu, rouge', 'Position 2: rouge, Position 5: bleu')).toBe(true);
  });
});
