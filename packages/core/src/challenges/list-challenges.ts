import type { AuthedCtx } from '../kernel/deps.ts';
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
 */
export const makeListChallenges = (deps: ChallengeDeps) => {
  const prisma = deps.db.prisma;

  /**
   * `random` order: a fresh draw per call, as the legacy, without sorting the table by `random()`: the
   * page is the window of `limit` matching ids (primary-key order, wrapping around) that starts `skip`
   * after a random offset, shuffled.
   */
  const randomPageIds = async (
    query: ListChallengesQuery,
    userId: number,
    total: number,
  ): Promise<number[]> => {
    const size = Math.min(query.limit, total - query.skip);
    if (size <= 0) return [];
    const offset = Math.min(total - 1, Math.floor(deps.random() * total));
    const start = (offset + query.skip) % total;
    const head = await findChallengeIdWindow(prisma, query, userId, start, size);
    const tail =
      head.length < size
        ? await findChallengeIdWindow(prisma, query, userId, 0, size - head.length)
        : [];
    return shuffled([...head, ...tail], deps.random);
  };

  return async (ctx: AuthedCtx, query: ListChallengesQuery): Promise<ChallengeListDto> => {
    const userId = ctx.actor.userId;
    const total = await countListedChallenges(prisma, query, userId);
    const ids =
      query.order === 'recent'
        ? await findRecentChallengeIds(prisma, query, userId)
        : await randomPageIds(query, userId, total);
    const rows = ids.length === 0 ? [] : await findChallengesByIds(prisma, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toChallengeListItem(row)] : [];
    });
    return {
      items,
      total,
      skip: query.skip,
      limit: query.limit,
      hasMore: query.skip + items.length < total,
    };
  };
};
