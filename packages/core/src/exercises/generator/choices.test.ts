import { describe, expect, it } from 'vitest';

import { checkAnswer } from './check-answer.ts';
import { buildChoices } from './choices.ts';
import { createRandom } from './random.ts';

describe('buildChoices', () => {
  it('keeps valid distinct distractors and shuffles them with the answer', () => {
    const choices = buildChoices('integer', '12', ['13', '11', '21'], createRandom(1));
    expect([...choices].sort()).toEqual(['11', '12', '13', '21']);
  });

  it('drops duplicates, negatives, garbage and the answer itself, then pads', () => {
    for (let seed = 0; seed < 200; seed++) {
      const choices = buildChoices(
        'integer',
        '1',
        ['1', '1.0', '-2', 'x', '', '2', '2'],
        createRandom(seed),
      );
      expect(choices).toHaveLength(4);
      expect(new Set(choices).size).toBe(4);
      expect(choices).toContain('1');
      expect(choices).toContain('2');
      for (const c of choices) expect(Number(c)).toBeGreaterThanOrEqual(0);
    }
  });

  it('fractions are distinct in value, so only the answer is accepted', () => {
    for (let seed = 0; seed < 200; seed++) {
      const choices = buildChoices(
        'fraction',
        '1/2',
        ['2/4', '0.5', '3/6', '1/3', '0/5'],
        createRandom(seed),
      );
      expect(choices).toHaveLength(4);
      expect(choices).toContain('1/3');
      expect(choices.filter((c) => checkAnswer('fraction', '1/2', c))).toEqual(['1/2']);
    }
  });

  it('decimals keep their scale when padding', () => {
    const choices = buildChoices('decimal', '17.5', [], createRandom(3));
    expect(choices).toHaveLength(4);
    expect(new Set(choices.map(Number)).size).toBe(4);
    for (const c of choices) expect(c).toMatch(/^\d+(\.\d{1,2})?$/);
  });

  it('pads even when every candidate is unusable (answer 0)', () => {
    const choices = buildChoices('integer', '0', ['0', '-1', '-2'], createRandom(9));
    expect(choices).toHaveLength(4);
    expect(new Set(choices).size).toBe(4);
  });

  it('text choices are distinct ignoring case', () => {
    const choices = buildChoices(
      'text',
      'Mars',
      ['mars', 'Vénus', 'Terre', 'Jupiter', 'Saturne'],
      createRandom(2),
    );
    expect([...choices].sort()).toEqual(['Jupiter', 'Mars', 'Terre', 'Vénus']);
  });

  it('throws on an unparsable answer (a generator bug, never user input)', () => {
    expect(() => buildChoices('integer', 'abc', [], createRandom(1))).toThrow(RangeError);
  });
});
