import type { Ctx } from '../kernel/deps.ts';
import { buildCatalogueStats } from './catalogue-stats.rules.ts';
import type { ExerciseDeps } from './exercise-deps.ts';
import { ageGroupFromDb } from './exercise.mapping.ts';
import {
  countArchivedExercises,
  countAttemptsByCorrectness,
  countOpenChallenges,
  findMostAttemptedExercises,
  groupActiveExercises,
} from './exercise.repo.ts';
import type { CatalogueStatsDto } from './exercise.schemas.ts';

/** How long the public catalogue statistics are served from memory (the landing page polls them). */
export const CATALOGUE_STATS_TTL_MS = 30_000;
const LEGENDARY_COUNT = 5;

/** GET /api/exercises/stats (§7.5), served from a short in-memory cache (one per service instance). */
export const makeCatalogueStats = (deps: ExerciseDeps) => {
  const prisma = deps.db.prisma;
  const pickQuote = deps.pickQuote;
  let statsCache: { value: CatalogueStatsDto; until: number } | null = null;

  return async (_ctx: Ctx): Promise<CatalogueStatsDto> => {
    const now = deps.clock.now().getTime();
    if (statsCache && statsCache.until > now) return statsCache.value;
    const [groups, archivedExercises, totalChallenges, attempts, legendary] = await Promise.all([
      groupActiveExercises(prisma),
      countArchivedExercises(prisma),
      countOpenChallenges(prisma),
      countAttemptsByCorrectness(prisma),
      findMostAttemptedExercises(prisma, LEGENDARY_COUNT),
    ]);
    const value = buildCatalogueStats(
      {
        activeRows: groups.map((g) => ({
          exerciseType: g.exerciseType,
          difficulty: g.difficulty,
          ageGroup: ageGroupFromDb(g.ageGroup),
          aiGenerated: g.aiGenerated,
          count: g._count._all,
        })),
        archivedExercises,
        totalChallenges,
        exerciseAttempts: attempts.exercise[0],
        correctExerciseAttempts: attempts.exercise[1],
        challengeAttempts: attempts.challenge[0],
        correctChallengeAttempts: attempts.challenge[1],
        legendary: legendary.map((e) => ({
          id: e.id,
          title: e.title,
          exerciseType: e.exercise_type,
          difficulty: e.difficulty,
          attempts: e.attempts,
        })),
      },
      pickQuote,
    );
    statsCache = { value, until: now + CATALOGUE_STATS_TTL_MS };
    return value;
  };
};
