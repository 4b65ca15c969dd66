import type { AuthedCtx } from '../kernel/deps.ts';
import { readIdPage, type RandomDraw } from '../lib/id-page.ts';
import type { ChallengeDeps } from './challenge-deps.ts';
import { toChallengeListItem } from './challenge.mapping.ts';
import {
  countListedChallenges,
  findChallengeIdWindow,
  findChallengesByIds,
  findRecentChallengeIds,
} from './challenge.repo.ts';
import { shuffled } from './challenge.rules.ts';
import type { ChallengeListDto, ListChallengesQuery } from './challenge.schemas.ts';

/**
 * GET /api/challenges (§3.1): active challenges, filtered, paginated; never a question, an answer, an
 * explanation or a hint. Unlike the legacy, `total` counts what the filters (search included) select
 * and archived challenges are left out before the page is cut, so pages are full and `hasMore` is true.
 * The `random` order is a fresh draw per call, as the legacy (`lib/id-page.ts`).
 */
export const makeListChallenges = (deps: ChallengeDeps) => {
  const prisma = deps.db.prisma;
  const draw = (): RandomDraw => ({
    offset: (total) => Math.min(total - 1, Math.floor(deps.random() * total)),
    shuffle: (ids) => shuffled(ids, deps.random),
  });

  return (ctx: AuthedCtx, query: ListChallengesQuery): Promise<ChallengeListDto> => {
    const userId = ctx.actor.userId;
    return readIdPage(
      query,
      {
        count: () => countListedChallenges(prisma, query, userId),
        recentIds: () => findRecentChallengeIds(prisma, query, userId),
        idWindow: (start, size) => findChallengeIdWindow(prisma, query, userId, start, size),
        rowsByIds: (ids) => findChallengesByIds(prisma, ids),
      },
      draw,
      toChallengeListItem,
    );
  };
};
