import type { AuthedCtx } from '../kernel/deps.ts';
import { pyRound, ratio } from '../lib/py-round.ts';
import type { ChallengeDeps } from './challenge-deps.ts';
import { countAvailableChallenges, findChallengeProgressRows } from './challenge.repo.ts';
import type { ChallengeProgressDto } from './challenge.schemas.ts';

/**
 * GET /api/users/me/challenges/progress (api-rest-core §6.3.11, domain-rules §7.3): solved challenges,
 * success rate (a fraction), mean declared time, and one entry per solved challenge.
 */
export const makeChallengeProgress =
  (deps: ChallengeDeps) =>
  async (ctx: AuthedCtx): Promise<ChallengeProgressDto> => {
    const prisma = deps.db.prisma;
    const rows = await findChallengeProgressRows(prisma, ctx.actor.userId);
    const totalChallenges = await countAvailableChallenges(prisma);
    let attempts = 0;
    let correct = 0;
    let timeSum = 0;
    let timed = 0;
    for (const r of rows) {
      attempts += r.attempts;
      correct += r.correct;
      timeSum += r.timeSum;
      timed += r.timed;
    }
    const solved = rows.filter((r) => r.correct > 0);
    return {
      completedChallenges: solved.length,
      totalChallenges,
      successRate: ratio(correct, attempts, 1, 2),
      averageTime: ratio(timeSum, timed, 1, 1),
      challenges: solved.map((r) => ({
        id: r.challengeId,
        title: r.title,
        isCompleted: true as const,
        attempts: r.attempts,
        bestTime: r.bestTime === null ? null : pyRound(r.bestTime, 2),
      })),
    };
  };
