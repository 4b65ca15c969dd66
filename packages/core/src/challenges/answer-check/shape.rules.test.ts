import { describe, expect, it } from 'vitest';

import { normalizeShape } from './shape.rules.ts';

describe('normalizeShape (NormShape, §4.3)', () => {
  it.each([
    // legacy behaviour
    ['Carré Bleu', 'carre bleu'],
    ['bleu carré', 'carre bleu'],
    ['rectangle rouge', 'carre rouge'],
    ['square rouge', 'carre rouge'],
    ['circle jaune', 'cercle jaune'],
    ['Étoile jaune', 'etoile jaune'],
    ['  LOSANGE   violet ', 'losange violet'],
    ['cercle rouge carré bleu', 'carre bleu'],
    ['triangle', 'triangle'],
    ['rouge', 'rouge'],
    ['X', 'x'],
    ['Position 6: carré bleu', 'carre bleu'],
    // kinder than the legacy
    ['étoiles vertes', 'etoile vert'],
    ['verte étoile', 'etoile vert'],
    ['cercles bleues', 'cercle bleu'],
    ['rond noir', 'cercle noir'],
    ['red circle', 'cercle rouge'],
    ['green star', 'etoile vert'],
    ['(carré) [blanc].', 'carre blanc'],
    ['hexagone gris', 'hexagone gris'],
  ])('%j → %j', (raw, normalised) => {
    expect(normalizeShape(raw)).toBe(normalised);
  });

  it('does not treat object keys as words', () => {
    expect(normalizeShape('constructor toString')).toBe('constructor tostring');
  });

  it('keeps distinct shapes and colours distinct', () => {
    expect(normalizeShape('cercle rouge')).not.toBe(normalizeShape('cercle bleu'));
    expect(normalizeShape('cercle rouge')).not.toBe(normalizeShape('triangle rouge'));
    expect(normalizeShape('O')).not.toBe(normalizeShape('X'));
  });
});
