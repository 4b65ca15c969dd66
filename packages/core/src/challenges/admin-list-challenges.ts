import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { toAdminChallengeDto, toAdminChallengeListItem } from './admin-challenge.mapping.ts';
import {
  countAdminChallenges,
  findAdminChallenge,
  findAdminChallengePage,
} from './admin-challenge.repo.ts';
import { ADMIN_CHALLENGE_MESSAGES } from './admin-challenge.rules.ts';
import {
  ZAdminListChallengesInput,
  type AdminChallengeDto,
  type AdminChallengeListDto,
  type AdminListChallengesInput,
} from './admin-challenge.schemas.ts';
import { challengeTypeToDb } from './challenge.rules.ts';
import { ZChallengeIdInput, type ChallengeIdInput } from './challenge.schemas.ts';

/** GET /api/admin/challenges (§6.8): inactive and archived included unless filtered, with success rates. */
export const makeAdminListChallenges =
  (deps: Pick<CoreDeps, 'db'>) =>
  async (ctx: Ctx, input: AdminListChallengesInput): Promise<AdminChallengeListDto> => {
    requireAdmin(ctx);
    const query = parseAdminInput(ZAdminListChallengesInput, input);
    const filter = {
      search: query.search || undefined,
      type: query.type === undefined ? undefined : challengeTypeToDb(query.type),
      archived: query.archived,
    };
    const prisma = deps.db.prisma;
    const [total, rows] = await Promise.all([
      countAdminChallenges(prisma, filter),
      findAdminChallengePage(
        prisma,
        filter,
        { sort: query.sort, direction: query.order },
        { skip: query.skip, limit: query.limit },
      ),
    ]);
    return { items: rows.map(toAdminChallengeListItem), total };
  };

/** GET /api/admin/challenges/{id} (§6.8): whatever its active and archived flags. */
export const makeAdminGetChallenge =
  (deps: Pick<CoreDeps, 'db'>) =>
  async (ctx: Ctx, input: ChallengeIdInput): Promise<AdminChallengeDto> => {
    requireAdmin(ctx);
    const { challengeId } = parseAdminInput(ZChallengeIdInput, input);
    const row = await findAdminChallenge(deps.db.prisma, challengeId);
    if (!row) throw new AppError('NOT_FOUND', ADMIN_CHALLENGE_MESSAGES.notFound);
    return toAdminChallengeDto(row);
  };
