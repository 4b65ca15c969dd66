import { CHESS_CHALLENGES } from './chess.challenges.ts';
import { CODING_CHALLENGES } from './coding.challenges.ts';
import { DEDUCTION_CHALLENGES } from './deduction.challenges.ts';
import { GRAPH_CHALLENGES } from './graph.challenges.ts';
import { PATTERN_CHALLENGES } from './pattern.challenges.ts';
import { PROBABILITY_CHALLENGES } from './probability.challenges.ts';
import { PUZZLE_CHALLENGES } from './puzzle.challenges.ts';
import { RIDDLE_CHALLENGES } from './riddle.challenges.ts';
import { SEQUENCE_CHALLENGES } from './sequence.challenges.ts';
import type { StarterChallenge } from './starter-challenge.types.ts';
import { VISUAL_CHALLENGES } from './visual.challenges.ts';

/**
 * The starter catalogue of logic challenges: one per type (the ten public types) and age group (the
 * six), written for Mathakine, shipped as versioned reference data (reference/apply.ts) so that a fresh
 * install has challenges to solve. Adding or editing one means bumping REFERENCE_DATA_VERSION; see
 * docs/challenges.md.
 */
export const STARTER_CHALLENGES: readonly StarterChallenge[] = [
  ...SEQUENCE_CHALLENGES,
  ...PATTERN_CHALLENGES,
  ...VISUAL_CHALLENGES,
  ...PUZZLE_CHALLENGES,
  ...RIDDLE_CHALLENGES,
  ...DEDUCTION_CHALLENGES,
  ...PROBABILITY_CHALLENGES,
  ...GRAPH_CHALLENGES,
  ...CODING_CHALLENGES,
  ...CHESS_CHALLENGES,
];
