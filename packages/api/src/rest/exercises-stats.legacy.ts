/**
 * The legacy wire of GET /api/exercises/stats (api-rest-core §6.4.2): the catalogue statistics, floats
 * written as Python floats.
 */
import { z } from 'zod';

import type { CatalogueStatsDto } from '@mathakine/core';

import { mapValues, pyFloat } from '../legacy/format.ts';
import { wire, ZPyFloat } from '../legacy/wire.ts';

export const ZLegacyCatalogueStats = wire({
  archive_status: z.string(),
  academy_statistics: wire({
    total_exercises: z.number(),
    total_challenges: z.number(),
    total_content: z.number(),
    archived_exercises: z.number(),
    ai_generated: z.number(),
    ai_generated_exercises: z.number(),
    ai_generated_challenges: z.number(),
    ai_generated_percentage: ZPyFloat,
  }),
  by_discipline: z.record(
    z.string(),
    wire({ count: z.number(), discipline_name: z.string(), percentage: ZPyFloat }),
  ),
  by_rank: z.record(
    z.string(),
    wire({
      count: z.number(),
      rank_name: z.string(),
      description: z.string(),
      min_age: z.number(),
      percentage: ZPyFloat,
    }),
  ),
  by_apprentice_group: z.record(
    z.string(),
    wire({
      count: z.number(),
      group_name: z.string(),
      description: z.string(),
      percentage: ZPyFloat,
    }),
  ),
  global_performance: wire({
    total_attempts: z.number(),
    exercise_attempts: z.number(),
    challenge_attempts: z.number(),
    successful_attempts: z.number(),
    mastery_rate: ZPyFloat,
    challenge_mastery_rate: ZPyFloat,
    message: z.string(),
  }),
  legendary_challenges: z.array(
    wire({
      id: z.number(),
      title: z.string(),
      discipline: z.string(),
      rank: z.string(),
      apprentices_trained: z.number(),
    }),
  ),
  sage_wisdom: z.string(),
});

export const toLegacyCatalogueStats = (s: CatalogueStatsDto) => ({
  archive_status: s.archiveStatus,
  academy_statistics: {
    total_exercises: s.academyStatistics.totalExercises,
    total_challenges: s.academyStatistics.totalChallenges,
    total_content: s.academyStatistics.totalContent,
    archived_exercises: s.academyStatistics.archivedExercises,
    ai_generated: s.academyStatistics.aiGenerated,
    ai_generated_exercises: s.academyStatistics.aiGeneratedExercises,
    ai_generated_challenges: s.academyStatistics.aiGeneratedChallenges,
    ai_generated_percentage: pyFloat(s.academyStatistics.aiGeneratedPercentage),
  },
  by_discipline: mapValues(s.byDiscipline, (d) => ({
    count: d.count,
    discipline_name: d.disciplineName,
    percentage: pyFloat(d.percentage),
  })),
  by_rank: mapValues(s.byRank, (r) => ({
    count: r.count,
    rank_name: r.rankName,
    description: r.description,
    min_age: r.minAge,
    percentage: pyFloat(r.percentage),
  })),
  by_apprentice_group: mapValues(s.byApprenticeGroup, (g) => ({
    count: g.count,
    group_name: g.groupName,
    description: g.description,
    percentage: pyFloat(g.percentage),
  })),
  global_performance: {
    total_attempts: s.globalPerformance.totalAttempts,
    exercise_attempts: s.globalPerformance.exerciseAttempts,
    challenge_attempts: s.globalPerformance.challengeAttempts,
    successful_attempts: s.globalPerformance.successfulAttempts,
    mastery_rate: pyFloat(s.globalPerformance.masteryRate),
    challenge_mastery_rate: pyFloat(s.globalPerformance.challengeMasteryRate),
    message: s.globalPerformance.message,
  },
  legendary_challenges: s.legendaryChallenges.map((e) => ({
    id: e.id,
    title: e.title,
    discipline: e.discipline,
    rank: e.rank,
    apprentices_trained: e.apprenticesTrained,
  })),
  sage_wisdom: s.sageWisdom,
});
