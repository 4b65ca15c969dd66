/**
 * Number ranges of the legacy generator (spec/domain-rules.md §1.5, all bounds inclusive) and the
 * problem context shared by the per-type builders.
 */
import type { Difficulty } from '../exercise.rules.ts';
import type { GenerationParams } from './params.ts';
import type { Random } from './random.ts';

export interface Range {
  min: number;
  max: number;
}

export interface DifficultyLimits {
  addition: Range;
  subtraction: { first: Range; second: Range };
  multiplication: Range;
  division: { divisor: Range; quotient: Range };
  mixte: Range;
  /** FRACTIONS, GEOMETRIE (themed), TEXTE and DIVERS. */
  default: Range;
}

const r = (min: number, max: number): Range => ({ min, max });

export const DIFFICULTY_LIMITS: Record<Difficulty, DifficultyLimits> = {
  INITIE: {
    addition: r(1, 10),
    subtraction: { first: r(5, 20), second: r(1, 5) },
    multiplication: r(1, 5),
    division: { divisor: r(2, 5), quotient: r(1, 5) },
    mixte: r(1, 10),
    default: r(1, 10),
  },
  PADAWAN: {
    addition: r(10, 50),
    subtraction: { first: r(20, 70), second: r(10, 20) },
    multiplication: r(5, 10),
    division: { divisor: r(2, 10), quotient: r(5, 10) },
    mixte: r(5, 20),
    default: r(10, 50),
  },
  CHEVALIER: {
    addition: r(50, 200),
    subtraction: { first: r(100, 250), second: r(50, 100) },
    multiplication: r(10, 20),
    division: { divisor: r(5, 15), quotient: r(8, 20) },
    mixte: r(10, 50),
    default: r(50, 200),
  },
  MAITRE: {
    addition: r(200, 1000),
    subtraction: { first: r(250, 1000), second: r(100, 500) },
    multiplication: r(20, 50),
    division: { divisor: r(10, 30), quotient: r(10, 50) },
    mixte: r(20, 100),
    default: r(200, 1000),
  },
  GRAND_MAITRE: {
    addition: r(1000, 10000),
    subtraction: { first: r(1000, 10000), second: r(500, 5000) },
    multiplication: r(50, 200),
    division: { divisor: r(20, 100), quotient: r(50, 200) },
    mixte: r(100, 1000),
    default: r(1000, 10000),
  },
};

/** 0 (INITIE) … 4 (GRAND_MAITRE). */
export const levelOf = (difficulty: Difficulty): number =>
  ['INITIE', 'PADAWAN', 'CHEVALIER', 'MAITRE', 'GRAND_MAITRE'].indexOf(difficulty);

export const draw = (random: Random, range: Range): number => random.int(range.min, range.max);

export interface ProblemContext {
  difficulty: Difficulty;
  themed: boolean;
  random: Random;
}

/** What a per-type builder returns; the answer is always `recomputeAnswer(params)`. */
export interface Problem {
  params: GenerationParams;
  question: string;
  /** Must state the answer (in French format). */
  explanation: string;
  /** Must not reveal the answer; the generator replaces a hint that contains it. */
  hint: string;
  /** Plausible mistakes, filtered and padded by buildChoices. */
  distractors: string[];
  tags: string[];
}
