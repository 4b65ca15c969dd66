import type { Ctx } from '../kernel/deps.ts';
import type { ChallengeDeps } from './challenge-deps.ts';
import { findCompletedChallengeIds } from './challenge.repo.ts';
import type { CompletedChallengeIdsDto } from './challenge.schemas.ts';

/** GET /api/challenges/completed-ids (§3.5): anonymous callers get `[]`. */
export const makeCompletedChallengeIds =
  (deps: ChallengeDeps) =>
  async (ctx: Ctx): Promise<CompletedChallengeIdsDto> => {
    if (!ctx.actor) return { completedIds: [] };
    return { completedIds: await findCompletedChallengeIds(deps.db.prisma, ctx.actor.userId) };
  };
