import { describe, expect, it } from 'vitest';

import {
  DIFFICULTIES,
  EXERCISE_TYPES,
  type Difficulty,
  type ExerciseType,
} from '../exercise.rules.ts';
import { containsStandaloneNumber, generateExercise, GENERATOR_VERSION } from './generate.ts';
import { createRandom } from './random.ts';

const gen = (type: ExerciseType, difficulty: Difficulty, themed: boolean, seed: number | string) =>
  generateExercise({ type, difficulty, ageGroup: '9-11', themed }, createRandom(seed));

const many = (type: ExerciseType, difficulty: Difficulty, themed: boolean, n = 400) =>
  Array.from({ length: n }, (_, i) => gen(type, difficulty, themed, i));

describe('generateExercise', () => {
  it('records the seed, the generator version and the input', () => {
    const ex = gen('ADDITION', 'INITIE', false, 'seed-1');
    expect(ex.seed).toBe('seed-1');
    expect(ex.generationParams).toMatchObject({
      kind: 'addition',
      seed: 'seed-1',
      version: GENERATOR_VERSION,
    });
    expect(ex).toMatchObject({
      exerciseType: 'ADDITION',
      difficulty: 'INITIE',
      ageGroup: '9-11',
      themed: false,
    });
  });

  it('matches the brief example shapes of generationParams', () => {
    const ex = gen('ADDITION', 'PADAWAN', false, 1);
    expect(ex.generationParams).toEqual({
      kind: 'addition',
      operands: expect.any(Array) as unknown,
      seed: 1,
      version: GENERATOR_VERSION,
    });
  });

  it('circle questions state π ≈ 3,14 and the answer uses exactly 3.14', () => {
    const circles = many('GEOMETRIE', 'MAITRE', false).filter((ex) =>
      ex.generationParams.kind.startsWith('circle'),
    );
    expect(circles.length).toBeGreaterThan(20);
    for (const ex of circles) {
      expect(ex.question).toContain('π ≈ 3,14');
      const p = ex.generationParams;
      if (p.kind !== 'circle_area' && p.kind !== 'circle_perimeter') continue;
      const hundredths = p.kind === 'circle_area' ? 314 * p.radius * p.radius : 628 * p.radius;
      expect(Math.round(Number(ex.correctAnswer) * 100)).toBe(hundredths);
      expect(ex.explanation).toContain('3,14');
    }
  });

  it('themed fraction questions show the operation and say when the irreducible form is required', () => {
    for (const difficulty of DIFFICULTIES) {
      for (const ex of many('FRACTIONS', difficulty, true, 100)) {
        const p = ex.generationParams;
        if (p.kind !== 'fraction_op') throw new Error('expected a fraction operation');
        const symbol = { add: '+', sub: '−', mul: '×', div: '÷' }[p.op];
        expect(ex.question).toContain(`${p.a[0]}/${p.a[1]} ${symbol} ${p.b[0]}/${p.b[1]}`);
        expect(ex.question.includes('irréductible')).toBe(p.answerForm === 'simplified');
        expect(p.answerForm).toBe(
          ['INITIE', 'PADAWAN'].includes(difficulty) ? 'value' : 'simplified',
        );
      }
    }
  });

  it('plain fractions are recognition questions whose answer is a value', () => {
    for (const ex of many('FRACTIONS', 'MAITRE', false, 100)) {
      expect(ex.generationParams).toMatchObject({ kind: 'fraction_identify', answerForm: 'value' });
    }
  });

  it('themed MAITRE geometry asks real volumes of solids; plain geometry never asks a volume', () => {
    const themedKinds = new Set(
      many('GEOMETRIE', 'MAITRE', true).map((ex) => ex.generationParams.kind),
    );
    expect(themedKinds).toContain('cube_volume');
    expect(themedKinds).toContain('cuboid_volume');
    for (const d of DIFFICULTIES) {
      for (const ex of many('GEOMETRIE', d, false, 100))
        expect(ex.generationParams.kind).not.toMatch(/volume/);
    }
  });

  it('INITIE geometry uses only squares and rectangles', () => {
    for (const themed of [false, true]) {
      for (const ex of many('GEOMETRIE', 'INITIE', themed, 200)) {
        expect(ex.generationParams.kind).toMatch(/^(square|rectangle)_/);
      }
    }
  });

  it('the themed variant differs in titles, tags and wording, and never names a franchise', () => {
    const franchise =
      /star\s*wars|jedi|sith|luke|leia|yoda|anakin|r2-d2|tatooine|x-wing|zaxxon|mos eisley/i;
    for (const type of EXERCISE_TYPES) {
      const plain = gen(type, 'PADAWAN', false, 5);
      const themed = gen(type, 'PADAWAN', true, 5);
      expect(themed.title).not.toBe(plain.title);
      expect(themed.title).toContain('Padawan');
      expect(themed.tags).toContain('theme-spatial');
      expect(plain.tags).toContain('algorithmique');
      for (const d of DIFFICULTIES) {
        for (const ex of [...many(type, d, true, 50), ...many(type, d, false, 50)]) {
          expect(`${ex.title} ${ex.question} ${ex.explanation} ${ex.hint}`).not.toMatch(franchise);
        }
      }
    }
  });

  it('MIXTE explanations name the rule that applies', () => {
    for (const ex of many('MIXTE', 'PADAWAN', false, 100)) {
      const p = ex.generationParams;
      if (p.kind !== 'expression') throw new Error('expected an expression');
      if (p.formula.includes('(')) expect(ex.explanation).toContain('parenthèses');
      else expect(ex.explanation).toContain('passent avant');
    }
  });

  it('TEXTE at INITIE never crashes (legacy: ≈ 4.4 % HTTP 500) and subtraction stories stay positive', () => {
    for (const themed of [false, true]) {
      for (const ex of many('TEXTE', 'INITIE', themed, 2000))
        expect(Number(ex.correctAnswer)).toBeGreaterThan(0);
    }
  });

  it('DIVERS percentages and averages are exact (legacy floored them)', () => {
    const all = [
      ...many('DIVERS', 'CHEVALIER', false, 600),
      ...many('DIVERS', 'CHEVALIER', true, 600),
    ];
    const kinds = new Set(
      all.map((ex) =>
        'scenario' in ex.generationParams ? ex.generationParams.scenario : ex.generationParams.kind,
      ),
    );
    expect(kinds).toContain('percentage');
    expect(kinds).toContain('average');
    expect(kinds).toContain('percentage_increase');
    for (const ex of all) expect(ex.correctAnswer).toMatch(/^\d+(\/\d+)?$/);
  });
});

describe('containsStandaloneNumber', () => {
  it.each([
    ['La réponse est 12.', '12', true],
    ['12 billes', '12', true],
    ['(12)', '12', true],
    ['120 billes', '12', false],
    ['3,12 m', '12', false],
    ['1/12', '12', false],
    ['12/5', '12', false],
    ['vaut 17,5 cm', '17.5', true],
    ['vaut 17.5 cm', '17.5', true],
    ['vaut 17,55 cm', '17.5', false],
    ['la fraction 3/4 !', '3/4', true],
    ['13/4', '3/4', false],
    ['Fin de phrase 7.', '7', true],
    ['Fais deux multiplications.', '2', false],
  ])('%j contains %s: %s', (text, answer, expected) => {
    expect(containsStandaloneNumber(text, answer)).toBe(expected);
  });
});
