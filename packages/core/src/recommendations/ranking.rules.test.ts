import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { AgeGroup as ContentAgeGroup, LogicChallengeType } from '../db/generated/enums.ts';
import { DIFFICULTIES, EXERCISE_TYPES, type ExerciseType } from '../exercises/index.ts';
import {
  challengeProfile,
  rankRecommendations,
  successRate,
  type ChallengeCandidate,
  type ExerciseCandidate,
  type RankedRecommendation,
  type RankingContext,
} from './ranking.rules.ts';
import { reasonText } from './recommendation.rules.ts';
import { REASON_CODES, ZReasonParams } from './recommendation.schemas.ts';

const AGE_GROUPS: ContentAgeGroup[] = [
  'GROUP_6_8',
  'GROUP_9_11',
  'GROUP_12_14',
  'GROUP_15_17',
  'ADULT',
  'ALL_AGES',
];
const CHALLENGE_TYPES: LogicChallengeType[] = [
  'SEQUENCE',
  'PATTERN',
  'VISUAL',
  'PUZZLE',
  'RIDDLE',
  'DEDUCTION',
  'PROBABILITY',
  'GRAPH',
  'CODING',
  'CHESS',
  'CUSTOM',
];

const context = (overrides: Partial<RankingContext> = {}): RankingContext => ({
  ageGroup: 'GROUP_9_11',
  learningGoal: null,
  progress: [],
  recentAttempts: [],
  recentChallengeTypes: [],
  challengeAttempts: { total: 0, correct: 0 },
  exercises: [],
  challenges: [],
  justCompleted: { exerciseIds: [], challengeIds: [] },
  replaced: { exerciseIds: [], challengeIds: [] },
  ...overrides,
});

const exercise = (
  id: number,
  exerciseType: ExerciseType,
  overrides: Partial<ExerciseCandidate> = {},
): ExerciseCandidate => ({
  id,
  exerciseType,
  difficulty: 'PADAWAN',
  ageGroup: 'GROUP_9_11',
  isActive: true,
  isArchived: false,
  solved: false,
  ...overrides,
});

const challenge = (
  id: number,
  challengeType: LogicChallengeType,
  overrides: Partial<ChallengeCandidate> = {},
): ChallengeCandidate => ({
  id,
  challengeType,
  ageGroup: 'GROUP_9_11',
  difficulty: 'PADAWAN',
  isActive: true,
  isArchived: false,
  solved: false,
  ...overrides,
});

const targetOf = (r: RankedRecommendation) =>
  r.kind === 'exercise' ? `e${r.exerciseId}` : `c${r.challengeId}`;

describe('rankRecommendations: the steps', () => {
  it('recommends nothing without candidates', () => {
    expect(rankRecommendations(context())).toEqual([]);
  });

  it('lets a new learner discover each type, one exercise per type at the default difficulty', () => {
    const ranked = rankRecommendations(
      context({
        exercises: [
          exercise(12, 'ADDITION', { difficulty: 'INITIE' }),
          exercise(11, 'ADDITION'),
          exercise(13, 'ADDITION'),
          exercise(20, 'GEOMETRIE'),
        ],
      }),
    );
    expect(ranked).toEqual([
      {
        kind: 'exercise',
        exerciseId: 11,
        exerciseType: 'ADDITION',
        difficulty: 'PADAWAN',
        priority: 4,
        reasonCode: 'reco.exercise.discovery',
        reasonParams: { exerciseType: 'ADDITION', targetDifficulty: 'PADAWAN' },
        reason: "Découvrez un nouveau type d'exercice : addition",
      },
      expect.objectContaining({ exerciseId: 20, reasonCode: 'reco.exercise.discovery' }),
    ]);
  });

  it('targets a weak type (< 70 %) with two exercises at the latest difficulty or below', () => {
    const ranked = rankRecommendations(
      context({
        progress: [{ exerciseType: 'SOUSTRACTION', totalAttempts: 10, correctAttempts: 4 }],
        recentAttempts: [
          { exerciseId: 1, exerciseType: 'SOUSTRACTION', difficulty: 'CHEVALIER' },
          { exerciseId: 2, exerciseType: 'SOUSTRACTION', difficulty: 'INITIE' },
        ],
        exercises: [
          exercise(30, 'SOUSTRACTION', { difficulty: 'MAITRE' }),
          exercise(31, 'SOUSTRACTION', { difficulty: 'PADAWAN' }),
          exercise(32, 'SOUSTRACTION', { difficulty: 'CHEVALIER' }),
          exercise(33, 'SOUSTRACTION', { difficulty: 'CHEVALIER' }),
          exercise(1, 'SOUSTRACTION', { difficulty: 'CHEVALIER' }),
        ],
      }),
    );
    // 1 was tried recently: ranked after the fresh ones of the same difficulty.
    expect(ranked.map((r) => [targetOf(r), r.priority, r.reasonCode])).toEqual([
      ['e32', 9, 'reco.exercise.improvement'],
      ['e33', 9, 'reco.exercise.improvement'],
    ]);
    expect(ranked[0]?.reason).toBe(
      'Votre taux de réussite en soustraction est de 40%. Continuons à progresser !',
    );
    expect(ranked[0]?.reasonParams).toEqual({
      exerciseType: 'SOUSTRACTION',
      successRate: 40,
      targetDifficulty: 'CHEVALIER',
    });
  });

  it('gives 8 between 50 and 70 %, +1 for preparer_exam (max 10), and rounds half to even', () => {
    const base = {
      progress: [
        { exerciseType: 'ADDITION' as const, totalAttempts: 8, correctAttempts: 5 },
        { exerciseType: 'DIVISION' as const, totalAttempts: 4, correctAttempts: 1 },
      ],
      exercises: [exercise(1, 'ADDITION'), exercise(2, 'DIVISION')],
      recentAttempts: [
        { exerciseId: 9, exerciseType: 'ADDITION' as const, difficulty: 'PADAWAN' as const },
        { exerciseId: 8, exerciseType: 'DIVISION' as const, difficulty: 'PADAWAN' as const },
      ],
    };
    expect(successRate(5, 8)).toBe(62);
    const plain = rankRecommendations(context(base));
    expect(plain.map((r) => [targetOf(r), r.priority])).toEqual([
      ['e2', 9],
      ['e1', 8],
    ]);
    expect(plain[1]?.reason).toBe('Pour améliorer votre taux de réussite en addition (62%)');
    const exam = rankRecommendations(context({ ...base, learningGoal: ' Preparer_Exam ' }));
    expect(exam.map((r) => r.priority)).toEqual([10, 9]);
  });

  it('proposes the next level of a mastered type, even outside the age group', () => {
    const ranked = rankRecommendations(
      context({
        progress: [{ exerciseType: 'MULTIPLICATION', totalAttempts: 10, correctAttempts: 9 }],
        recentAttempts: [{ exerciseId: 5, exerciseType: 'MULTIPLICATION', difficulty: 'PADAWAN' }],
        exercises: [
          exercise(40, 'MULTIPLICATION', { difficulty: 'PADAWAN' }),
          exercise(41, 'MULTIPLICATION', { difficulty: 'MAITRE', ageGroup: 'GROUP_9_11' }),
          exercise(42, 'MULTIPLICATION', { difficulty: 'CHEVALIER', ageGroup: 'GROUP_12_14' }),
        ],
      }),
    );
    expect(ranked).toEqual([
      expect.objectContaining({
        exerciseId: 42,
        priority: 7,
        reasonCode: 'reco.exercise.progression',
        reasonParams: {
          exerciseType: 'MULTIPLICATION',
          successRate: 90,
          nextDifficulty: 'CHEVALIER',
        },
        reason:
          'Excellent ! Vous avez 90% de réussite en multiplication. Essayons le niveau Chevalier !',
      }),
    ]);
  });

  it('has no level above MAITRE', () => {
    const ranked = rankRecommendations(
      context({
        progress: [{ exerciseType: 'ADDITION', totalAttempts: 6, correctAttempts: 6 }],
        recentAttempts: [{ exerciseId: 5, exerciseType: 'ADDITION', difficulty: 'MAITRE' }],
        exercises: [exercise(40, 'ADDITION', { difficulty: 'GRAND_MAITRE' })],
      }),
    );
    // No progression: only the fallback (nothing else applies) proposes the exercise.
    expect(ranked.map((r) => r.reasonCode)).toEqual(['reco.exercise.fallback']);
  });

  it('keeps a practised type alive (maintenance) and never recommends it twice', () => {
    const ranked = rankRecommendations(
      context({
        progress: [
          { exerciseType: 'FRACTIONS', totalAttempts: 2, correctAttempts: 1 },
          { exerciseType: 'ADDITION', totalAttempts: 2, correctAttempts: 2 },
        ],
        recentAttempts: [{ exerciseId: 7, exerciseType: 'ADDITION', difficulty: 'PADAWAN' }],
        exercises: [exercise(50, 'FRACTIONS'), exercise(51, 'ADDITION'), exercise(52, 'TEXTE')],
      }),
    );
    expect(ranked.map((r) => [targetOf(r), r.priority, r.reasonCode, r.reason])).toEqual([
      ['e50', 5, 'reco.exercise.maintenance', 'Pour maintenir vos compétences en fractions'],
      ['e52', 4, 'reco.exercise.discovery', "Découvrez un nouveau type d'exercice : problèmes"],
    ]);
  });

  it('falls back to three exercises of different types only when nothing else applies', () => {
    const practisedAll = EXERCISE_TYPES.map((t) => ({
      exerciseType: t,
      totalAttempts: 2,
      correctAttempts: 1,
    }));
    const recent = EXERCISE_TYPES.map((t, i) => ({
      exerciseId: 900 + i,
      exerciseType: t,
      difficulty: 'PADAWAN' as const,
    }));
    const ranked = rankRecommendations(
      context({
        progress: practisedAll,
        recentAttempts: recent,
        exercises: [
          exercise(3, 'ADDITION'),
          exercise(1, 'ADDITION'),
          exercise(2, 'ADDITION'),
          exercise(8, 'DIVISION', { difficulty: 'CHEVALIER' }),
        ],
      }),
    );
    expect(ranked.map((r) => [targetOf(r), r.priority, r.reasonCode])).toEqual([
      ['e1', 3, 'reco.exercise.fallback'],
      ['e8', 3, 'reco.exercise.fallback'],
      ['e2', 3, 'reco.exercise.fallback'],
    ]);
    expect(ranked[0]?.reason).toBe('Pour continuer votre apprentissage');
    const withChallenge = rankRecommendations(
      context({
        progress: practisedAll,
        recentAttempts: recent,
        exercises: [exercise(1, 'ADDITION')],
        challenges: [challenge(1, 'RIDDLE')],
      }),
    );
    expect(withChallenge.map(targetOf)).toEqual(['c1']);
  });

  it('filters exercises and challenges by age group, except for the progression step', () => {
    const ranked = rankRecommendations(
      context({
        ageGroup: 'GROUP_6_8',
        exercises: [
          exercise(1, 'ADDITION', { ageGroup: 'GROUP_12_14' }),
          exercise(2, 'DIVISION', { ageGroup: 'ALL_AGES', difficulty: 'INITIE' }),
        ],
        challenges: [
          challenge(1, 'SEQUENCE', { ageGroup: 'ADULT' }),
          challenge(2, 'SEQUENCE', { ageGroup: 'GROUP_6_8' }),
        ],
      }),
    );
    expect(ranked.map(targetOf)).toEqual(['c2', 'e2']);
    const allAges = rankRecommendations(
      context({
        ageGroup: 'ALL_AGES',
        exercises: [exercise(1, 'ADDITION', { ageGroup: 'GROUP_12_14' })],
      }),
    );
    expect(allAges.map(targetOf)).toEqual(['e1']);
  });
});

describe('rankRecommendations: challenges', () => {
  const catalogue = [
    challenge(1, 'RIDDLE'),
    challenge(2, 'SEQUENCE', { difficulty: 'CHEVALIER' }),
    challenge(3, 'SEQUENCE'),
    challenge(4, 'PUZZLE'),
    challenge(5, 'GRAPH', { difficulty: null }),
    challenge(6, 'PATTERN', { difficulty: 'INITIE' }),
    challenge(7, 'CHESS', { difficulty: 'MAITRE' }),
  ];

  it('classifies the learner from the attempt counters', () => {
    expect(challengeProfile({ total: 0, correct: 0 })).toBe('novice');
    expect(challengeProfile({ total: 2, correct: 0 })).toBe('novice');
    expect(challengeProfile({ total: 3, correct: 1 })).toBe('struggling');
    expect(challengeProfile({ total: 4, correct: 2 })).toBe('developing');
    expect(challengeProfile({ total: 9, correct: 5 })).toBe('mature');
  });

  it('starts a novice with four onboarding types first, one per type, priority 8', () => {
    const ranked = rankRecommendations(context({ challenges: catalogue }));
    expect(ranked.map((r) => [targetOf(r), r.priority, r.reasonCode])).toEqual([
      ['c3', 8, 'reco.challenge.onboarding'],
      ['c4', 8, 'reco.challenge.onboarding'],
      ['c6', 8, 'reco.challenge.onboarding'],
      ['c1', 8, 'reco.challenge.onboarding'],
    ]);
    expect(ranked[0]).toMatchObject({
      kind: 'challenge',
      challengeType: 'SEQUENCE',
      difficulty: 'PADAWAN',
      reasonParams: { challengeType: 'SEQUENCE' },
      reason: 'Découvrez les défis logiques pour aiguiser votre raisonnement !',
    });
  });

  it('varies the types of a developing learner (types seen recently last), 7, +1 for samuser', () => {
    const ranked = rankRecommendations(
      context({
        challenges: catalogue,
        challengeAttempts: { total: 4, correct: 2 },
        recentChallengeTypes: ['SEQUENCE', 'RIDDLE'],
        learningGoal: 'samuser',
      }),
    );
    expect(ranked.map((r) => [targetOf(r), r.priority, r.reasonCode])).toEqual([
      ['c4', 8, 'reco.challenge.variety'],
      ['c5', 8, 'reco.challenge.variety'],
      ['c6', 8, 'reco.challenge.variety'],
      ['c7', 8, 'reco.challenge.variety'],
    ]);
    expect(ranked[0]?.reason).toBe('Variez votre entraînement avec un défi « puzzle » !');
    // A challenge without difficulty is recommended as PADAWAN.
    expect(ranked[1]).toMatchObject({ challengeId: 5, difficulty: 'PADAWAN' });
  });

  it('stretches a mature learner (6) and eases a struggling one (8)', () => {
    const mature = rankRecommendations(
      context({ challenges: catalogue, challengeAttempts: { total: 20, correct: 15 } }),
    );
    expect(mature[0]).toMatchObject({
      challengeId: 2,
      priority: 6,
      reasonCode: 'reco.challenge.skill_stretch',
      reason: 'Testez vos compétences logiques avec un défi « suite logique » !',
    });
    const struggling = rankRecommendations(
      context({ challenges: catalogue, challengeAttempts: { total: 10, correct: 2 } }),
    );
    expect(struggling[0]).toMatchObject({
      challengeId: 6,
      priority: 8,
      reasonCode: 'reco.challenge.gentle_progress',
      reason: 'Un défi « motif » à votre portée pour reprendre confiance !',
    });
  });
});

describe('rankRecommendations: anti-repeat', () => {
  it('never recommends what was completed in the window; ranks the replaced targets last', () => {
    const ctx = context({
      exercises: [exercise(1, 'ADDITION'), exercise(2, 'ADDITION'), exercise(3, 'ADDITION')],
      challenges: [challenge(10, 'SEQUENCE'), challenge(11, 'SEQUENCE')],
    });
    expect(rankRecommendations(ctx).map(targetOf)).toEqual(['c10', 'c11', 'e1']);
    const next = rankRecommendations({
      ...ctx,
      justCompleted: { exerciseIds: [1], challengeIds: [10] },
      replaced: { exerciseIds: [2], challengeIds: [] },
    });
    expect(next.map(targetOf)).toEqual(['c11', 'e3']);
    const refreshed = rankRecommendations({
      ...ctx,
      replaced: { exerciseIds: [1], challengeIds: [10] },
    });
    expect(refreshed.map(targetOf)).toEqual(['c11', 'c10', 'e2']);
  });
});

// ---- properties -------------------------------------------------------------------------------------

const arbExercise = (id: number) =>
  fc.record({
    id: fc.constant(id),
    exerciseType: fc.constantFrom(...EXERCISE_TYPES),
    difficulty: fc.constantFrom(...DIFFICULTIES),
    ageGroup: fc.constantFrom(...AGE_GROUPS),
    isActive: fc.boolean(),
    isArchived: fc.boolean(),
    solved: fc.boolean(),
  });

const arbChallenge = (id: number) =>
  fc.record({
    id: fc.constant(id),
    challengeType: fc.constantFrom(...CHALLENGE_TYPES),
    ageGroup: fc.constantFrom(...AGE_GROUPS),
    difficulty: fc.option(fc.constantFrom(...DIFFICULTIES), { nil: null }),
    isActive: fc.boolean(),
    isArchived: fc.boolean(),
    solved: fc.boolean(),
  });

const arbIds = (max: number) => fc.uniqueArray(fc.integer({ min: 1, max }), { maxLength: 40 });

const arbContext: fc.Arbitrary<RankingContext> = fc
  .record({
    exerciseIds: fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 60 }),
    challengeIds: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 25 }),
  })
  .chain(({ exerciseIds, challengeIds }) =>
    fc.record({
      ageGroup: fc.constantFrom(...AGE_GROUPS),
      learningGoal: fc.constantFrom(null, 'preparer_exam', 'samuser', 'progresser', ''),
      progress: fc
        .uniqueArray(fc.constantFrom(...EXERCISE_TYPES), { maxLength: 9 })
        .chain((types) =>
          fc.tuple(
            ...types.map((t) =>
              fc.integer({ min: 0, max: 60 }).chain((total) =>
                fc.record({
                  exerciseType: fc.constant(t),
                  totalAttempts: fc.constant(total),
                  correctAttempts: fc.integer({ min: 0, max: total }),
                }),
              ),
            ),
          ),
        ),
      recentAttempts: fc.array(
        fc.record({
          exerciseId: fc.integer({ min: 1, max: 400 }),
          exerciseType: fc.constantFrom(...EXERCISE_TYPES),
          difficulty: fc.constantFrom(...DIFFICULTIES),
        }),
        { maxLength: 50 },
      ),
      recentChallengeTypes: fc.array(fc.constantFrom(...CHALLENGE_TYPES), { maxLength: 20 }),
      challengeAttempts: fc
        .integer({ min: 0, max: 30 })
        .chain((total) =>
          fc.record({ total: fc.constant(total), correct: fc.integer({ min: 0, max: total }) }),
        ),
      exercises: fc.tuple(...exerciseIds.map(arbExercise)),
      challenges: fc.tuple(...challengeIds.map(arbChallenge)),
      justCompleted: fc.record({ exerciseIds: arbIds(400), challengeIds: arbIds(100) }),
      replaced: fc.record({ exerciseIds: arbIds(400), challengeIds: arbIds(100) }),
    }),
  );

const shuffled = <T>(items: readonly T[], seed: number): T[] =>
  items
    .map((item, i) => ({ item, k: (i * 7919 + seed * 104_729) % 1_000_003 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.item);

const ageFits = (learner: ContentAgeGroup, content: ContentAgeGroup) =>
  learner === 'ALL_AGES' || content === 'ALL_AGES' || content === learner;

describe('rankRecommendations: properties', () => {
  it('never recommends an inactive, archived, solved or just-completed item, nor one twice', () => {
    fc.assert(
      fc.property(arbContext, (ctx) => {
        const ranked = rankRecommendations(ctx);
        const exercises = new Map(ctx.exercises.map((e) => [e.id, e]));
        const challenges = new Map(ctx.challenges.map((c) => [c.id, c]));
        for (const r of ranked) {
          const item =
            r.kind === 'exercise' ? exercises.get(r.exerciseId) : challenges.get(r.challengeId);
          expect(item).toBeDefined();
          expect(item?.isActive).toBe(true);
          expect(item?.isArchived).toBe(false);
          expect(item?.solved).toBe(false);
          const completed =
            r.kind === 'exercise'
              ? ctx.justCompleted.exerciseIds.includes(r.exerciseId)
              : ctx.justCompleted.challengeIds.includes(r.challengeId);
          expect(completed).toBe(false);
          if (item && r.reasonCode !== 'reco.exercise.progression')
            expect(ageFits(ctx.ageGroup, item.ageGroup)).toBe(true);
        }
        expect(new Set(ranked.map(targetOf)).size).toBe(ranked.length);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and ignores the order of the candidate lists', () => {
    fc.assert(
      fc.property(arbContext, fc.integer({ min: 1, max: 1000 }), (ctx, seed) => {
        const ranked = rankRecommendations(ctx);
        expect(rankRecommendations(ctx)).toEqual(ranked);
        const permuted: RankingContext = {
          ...ctx,
          exercises: shuffled(ctx.exercises, seed),
          challenges: shuffled(ctx.challenges, seed + 1),
          progress: shuffled(ctx.progress, seed + 2),
          recentChallengeTypes: shuffled(ctx.recentChallengeTypes, seed + 3),
          justCompleted: {
            exerciseIds: shuffled(ctx.justCompleted.exerciseIds, seed + 4),
            challengeIds: shuffled(ctx.justCompleted.challengeIds, seed + 5),
          },
          replaced: {
            exerciseIds: shuffled(ctx.replaced.exerciseIds, seed + 6),
            challengeIds: shuffled(ctx.replaced.challengeIds, seed + 7),
          },
        };
        expect(rankRecommendations(permuted)).toEqual(ranked);
      }),
      { numRuns: 200 },
    );
  });

  it('explains every recommendation: a known code, valid parameters, the matching French sentence', () => {
    fc.assert(
      fc.property(arbContext, (ctx) => {
        const ranked = rankRecommendations(ctx);
        ranked.forEach((r, i) => {
          expect(REASON_CODES).toContain(r.reasonCode);
          expect(ZReasonParams.safeParse(r.reasonParams).success).toBe(true);
          expect(r.reason).toBe(reasonText(r.reasonCode, r.reasonParams));
          expect(r.priority).toBeGreaterThanOrEqual(1);
          expect(r.priority).toBeLessThanOrEqual(10);
          expect(r.kind === 'challenge').toBe(r.reasonCode.startsWith('reco.challenge.'));
          if (i > 0) expect(r.priority).toBeLessThanOrEqual(ranked[i - 1]?.priority ?? 10);
        });
        const fallback = ranked.filter((r) => r.reasonCode === 'reco.exercise.fallback');
        if (fallback.length > 0) expect(fallback).toHaveLength(ranked.length);
        expect(ranked.filter((r) => r.kind === 'challenge').length).toBeLessThanOrEqual(4);
      }),
      { numRuns: 300 },
    );
  });
});
