import { describe, expect, it } from 'vitest';

import { graphAnswerMatches, splitNodes } from './graph.rules.ts';

describe('splitNodes', () => {
  it.each([
    ['A-B-C', ['a', 'b', 'c']],
    ['A - B - C', ['a', 'b', 'c']],
    ['A → B → C', ['a', 'b', 'c']],
    ['A -> B => C > D', ['a', 'b', 'c', 'd']],
    ['A, B, C', ['a', 'b', 'c']],
    ['A B C', ['a', 'b', 'c']],
    ["['A', 'B']", ['a', 'b']],
    ['Terre – Lune — Mars', ['terre', 'lune', 'mars']],
    ['Station Alpha, Station Béta', ['station alpha', 'station beta']],
    ['A', ['a']],
    ['', []],
  ])('%j → %j', (raw, nodes) => {
    expect(splitNodes(raw)).toEqual(nodes);
  });
});

describe('graphAnswerMatches (§4.7)', () => {
  it.each([
    ['A-B-C-D', 'A-B-C-D'],
    ['a-b-c-d', 'A-B-C-D'],
    ['A - B - C - D', 'A-B-C-D'],
    ['A → B → C → D', 'A-B-C-D'],
    ['A, B, C, D', 'A-B-C-D'],
    ['A B C D', 'A-B-C-D'],
    ['A, C, E', 'A, C, E'],
    ['E, A, C', 'A, C, E'],
    ['C-A-E', 'A, C, E'],
    ['A, A, C, E', 'A, C, E'],
    ['B', 'B'],
    ['b', 'B'],
    ['7', '7'],
    ['7.0', '7'],
  ])('accepts %j for %j', (user, correct) => {
    expect(graphAnswerMatches(user, correct)).toBe(true);
  });

  it.each([
    ['D-C-B-A', 'A-B-C-D'],
    ['A-C-B-D', 'A-B-C-D'],
    ['A-B-D', 'A-B-C-D'],
    ['A, C', 'A, C, E'],
    ['A, C, E, F', 'A, C, E'],
    ['C', 'B'],
    ['8', '7'],
    ['', 'A-B'],
    ['A-B', ''],
    ['A-B', ' - '],
  ])('refuses %j for %j', (user, correct) => {
    expect(graphAnswerMatches(user, correct)).toBe(false);
  });
});
