import { describe, expect, it } from 'vitest';

import {
  apprenticeGroupOf,
  buildCatalogueStats,
  masteryMessage,
  rankOf,
  SAGE_WISDOM,
} from './catalogue-stats.rules.ts';

const empty = {
  activeRows: [],
  archivedExercises: 0,
  totalChallenges: 0,
  exerciseAttempts: 0,
  correctExerciseAttempts: 0,
  challengeAttempts: 0,
  correctChallengeAttempts: 0,
  legendary: [],
};

describe('catalogue statistics (§7.5)', () => {
  it('answers zeros on an empty academy', () => {
    const stats = buildCatalogueStats(empty, () => 7);
    expect(stats.academyStatistics.aiGeneratedPercentage).toBe(0);
    expect(stats.globalPerformance.masteryRate).toBe(0);
    expect(stats.globalPerformance.message).toBe(
      'Beaucoup reste à apprendre. Persévérance et courage sont essentiels.',
    );
    expect(stats.sageWisdom).toBe(SAGE_WISDOM[7]);
    expect(stats.byDiscipline).toEqual({});
  });

  it('rounds percentages half-even to 1 decimal', () => {
    const stats = buildCatalogueStats(
      {
        ...empty,
        activeRows: [
          {
            exerciseType: 'ADDITION',
            difficulty: 'PADAWAN',
            ageGroup: '9-11',
            aiGenerated: false,
            count: 1,
          },
          {
            exerciseType: 'MIXTE',
            difficulty: 'MAITRE',
            ageGroup: '15-17',
            aiGenerated: true,
            count: 7,
          },
        ],
      },
      () => 0,
    );
    expect(stats.byDiscipline).toEqual({
      ADDITION: { count: 1, disciplineName: "Art de l'Addition", percentage: 12.5 },
      MIXTE: { count: 7, disciplineName: 'Épreuves Combinées', percentage: 87.5 },
    });
    expect(Object.keys(stats.byRank)).toEqual(['PADAWAN', 'MAITRE']);
  });

  it('chooses the message and the fallback labels', () => {
    expect(masteryMessage(90)).toMatch(/^L'Académie forme/);
    expect(masteryMessage(75)).toMatch(/^Belle progression/);
    expect(masteryMessage(60)).toMatch(/^Les apprentis progressent/);
    expect(masteryMessage(40)).toMatch(/^L'entraînement/);
    expect(masteryMessage(39.9)).toMatch(/^Beaucoup/);
    expect(rankOf('X')).toEqual({ rankName: 'X', description: 'Rang spécial', minAge: 10 });
    expect(apprenticeGroupOf('adulte')).toEqual({
      groupName: 'Groupe adulte',
      description: 'Formation spéciale',
    });
  });
});
