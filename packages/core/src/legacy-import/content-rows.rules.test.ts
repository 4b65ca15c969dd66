import { describe, expect, it } from 'vitest';

import { answerKindOf, mapAchievement, mapChallenge, mapExercise } from './content-rows.rules.ts';

const NOW = new Date('2026-01-15T12:00:00Z');
const ctx = { users: new Set([1, 2]), now: NOW };

const exercise = (over: Record<string, unknown> = {}) => ({
  id: 10,
  title: 'Addition',
  creator_id: 1,
  exercise_type: 'ADDITION',
  difficulty: 'INITIE',
  age_group: '6-8',
  question: '2 + 2 ?',
  correct_answer: '4',
  choices: ['2', '3', '4', '5'],
  is_active: true,
  is_archived: false,
  view_count: 0,
  ai_generated: false,
  created_at: new Date('2025-03-01T10:00:00Z'),
  ...over,
});

describe('answerKindOf', () => {
  it.each([
    ['4', 'INTEGER'],
    ['-12', 'INTEGER'],
    ['0.5', 'DECIMAL'],
    ['3,25', 'DECIMAL'],
    ['3/4', 'FRACTION'],
    ['Une bougie', 'TEXT'],
    ['', 'TEXT'],
  ] as const)('%s → %s', (answer, kind) => {
    expect(answerKindOf(answer)).toBe(kind);
  });
});

describe('mapExercise', () => {
  it('copies a canonical row without findings', () => {
    const { row, findings } = mapExercise(exercise(), ctx);
    expect(row).toMatchObject({
      id: 10,
      exerciseType: 'ADDITION',
      difficulty: 'INITIE',
      ageGroup: 'GROUP_6_8',
      answerKind: 'INTEGER',
      choices: ['2', '3', '4', '5'],
      creatorId: 1,
      updatedAt: new Date('2025-03-01T10:00:00Z'),
    });
    expect(findings).toEqual([]);
  });

  it('normalises the legacy spellings and reports each', () => {
    const { row, findings } = mapExercise(
      exercise({
        exercise_type: 'multiplication',
        difficulty: 'initie',
        age_group: 'GROUP_10_12',
        choices: '["24", "30"]',
      }),
      ctx,
    );
    expect(row).toMatchObject({
      exerciseType: 'MULTIPLICATION',
      difficulty: 'INITIE',
      ageGroup: 'GROUP_9_11',
      choices: ['24', '30'],
    });
    expect(findings.map((f) => f.column)).toEqual([
      'exercise_type',
      'difficulty',
      'age_group',
      'choices',
    ]);
  });

  it('falls back like the legacy code for unknown values', () => {
    const { row, findings } = mapExercise(
      exercise({
        exercise_type: 'WEIRD',
        difficulty: 'impossible',
        age_group: 'martians',
        complexity: 9,
        creator_id: 99,
        view_count: -3,
        is_active: null,
        is_archived: null,
        ai_generated: null,
        created_at: null,
      }),
      ctx,
    );
    expect(row).toMatchObject({
      exerciseType: 'DIVERS',
      difficulty: 'PADAWAN',
      ageGroup: 'GROUP_9_11',
      complexity: null,
      creatorId: null,
      viewCount: 0,
      isActive: true,
      isArchived: false,
      aiGenerated: false,
      createdAt: NOW,
    });
    expect(findings.map((f) => [f.column, f.action])).toEqual([
      ['exercise_type', 'normalised'],
      ['difficulty', 'normalised'],
      ['age_group', 'normalised'],
      ['complexity', 'dropped'],
      ['created_at', 'normalised'],
      ['creator_id', 'dropped'],
      ['view_count', 'normalised'],
    ]);
  });

  it('rejects a row without a question or an answer', () => {
    expect(mapExercise(exercise({ correct_answer: null }), ctx)).toMatchObject({
      row: null,
      findings: [{ action: 'rejected' }],
    });
  });
});

const challenge = (over: Record<string, unknown> = {}) => ({
  id: 3,
  title: 'Suite',
  description: 'Trouve la suite',
  challenge_type: 'SEQUENCE',
  age_group: 'GROUP_10_12',
  question: '2, 4, ?',
  correct_answer: '6',
  hints: ['+2'],
  visual_data: { sequence: [2, 4] },
  success_rate: 0,
  created_at: new Date('2025-03-01T10:00:00Z'),
  updated_at: null,
  ...over,
});

describe('mapChallenge', () => {
  it('renames the age-group labels and defaults updated_at to created_at', () => {
    const { row, findings } = mapChallenge(challenge(), ctx);
    expect(row).toMatchObject({
      challengeType: 'SEQUENCE',
      ageGroup: 'GROUP_9_11',
      hints: ['+2'],
      visualData: { sequence: [2, 4] },
      difficultyRating: 3,
      estimatedTimeMinutes: 15,
      isActive: true,
      updatedAt: new Date('2025-03-01T10:00:00Z'),
    });
    expect(findings).toEqual([]);
  });

  it('applies C13/C14 and the JSON rules, reporting what is dropped', () => {
    const { row, findings } = mapChallenge(
      challenge({
        challenge_type: 'SPATIAL',
        difficulty: 'hard',
        hints: 'just one hint',
        visual_data: '"{}"',
        solution: 'Le cercle rouge',
        solution_explanation: null,
        content: 'Un vieux texte',
        success_rate: 42,
        difficulty_rating: 7,
        estimated_time_minutes: 0,
      }),
      ctx,
    );
    expect(row).toMatchObject({
      challengeType: 'VISUAL',
      difficulty: 'CHEVALIER',
      hints: ['just one hint'],
      visualData: null,
      solutionExplanation: 'Le cercle rouge',
      difficultyRating: 5,
      estimatedTimeMinutes: 15,
    });
    expect(findings.map((f) => [f.column, f.action])).toEqual([
      ['challenge_type', 'normalised'],
      ['difficulty', 'normalised'],
      ['difficulty_rating', 'normalised'],
      ['estimated_time_minutes', 'dropped'],
      ['content', 'dropped'],
      ['success_rate', 'dropped'],
      ['visual_data', 'dropped'],
      ['hints', 'normalised'],
    ]);
  });

  it('archives a differing solution next to the kept explanation', () => {
    const { row, findings } = mapChallenge(
      challenge({ solution: 'Autre', solution_explanation: 'Explication' }),
      ctx,
    );
    expect(row?.solutionExplanation).toBe('Explication');
    expect(findings).toMatchObject([{ column: 'solution', action: 'dropped', from: 'Autre' }]);
  });

  it('rejects a row without a title, description or type', () => {
    expect(mapChallenge(challenge({ description: null }), ctx).row).toBeNull();
  });
});

describe('mapAchievement', () => {
  it('maps category and tier, defaults NULL requirements to {}', () => {
    const { row, findings } = mapAchievement(
      {
        id: 40,
        code: 'legacy_custom',
        name: 'Maison',
        category: 'weird',
        difficulty: 'GOLD',
        points_reward: null,
        requirements: null,
        is_active: null,
        created_at: null,
      },
      { now: NOW },
    );
    expect(row).toMatchObject({
      id: 40,
      category: null,
      tier: 'GOLD',
      pointsReward: 0,
      requirements: {},
      isActive: true,
      createdAt: NOW,
    });
    expect(findings.map((f) => [f.column, f.action])).toEqual([
      ['category', 'dropped'],
      ['difficulty', 'normalised'],
    ]);
  });

  it('rejects a badge without a code', () => {
    expect(mapAchievement({ id: 1, code: '', name: 'x' }, { now: NOW }).row).toBeNull();
  });
});
