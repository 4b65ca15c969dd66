import { requireAdmin } from '../kernel/authz.ts';
import type { Ctx } from '../kernel/deps.ts';
import { ageGroupLabelOf } from '../lib/age-group.ts';
import type { AdminDeps } from './admin-deps.ts';
import { parseAdminInput } from './admin-input.ts';
import { listAiExercises, listAllChallenges } from './admin.repo.ts';
import {
  ZAdminModerationInput,
  type AdminModerationDto,
  type AdminModerationInput,
} from './admin.schemas.ts';

const NONE = { total: 0, rows: [] } as const;

/**
 * §6.13: AI-generated exercises and every challenge (the legacy listed all of them), newest first, each
 * list paginated on its own; an unknown `type` gives empty lists (the legacy quirk, §9.14).
 */
export const makeListModeration =
  (deps: Pick<AdminDeps, 'db'>) =>
  async (ctx: Ctx, input: AdminModerationInput): Promise<AdminModerationDto> => {
    requireAdmin(ctx);
    const query = parseAdminInput(ZAdminModerationInput, input);
    const page = { skip: query.skip, limit: query.limit };
    const wantExercises = query.type === 'all' || query.type === 'exercises';
    const wantChallenges = query.type === 'all' || query.type === 'challenges';
    const prisma = deps.db.prisma;
    const [exercises, challenges] = await Promise.all([
      wantExercises ? listAiExercises(prisma, page) : NONE,
      wantChallenges ? listAllChallenges(prisma, page) : NONE,
    ]);
    return {
      exercises: exercises.rows.map((e) => ({
        id: e.id,
        title: e.title,
        exerciseType: e.exerciseType,
        ageGroup: ageGroupLabelOf(e.ageGroup),
        isArchived: e.isArchived,
        createdAt: e.createdAt,
      })),
      challenges: challenges.rows.map((c) => ({
        id: c.id,
        title: c.title,
        challengeType: c.challengeType.toLowerCase(),
        ageGroup: ageGroupLabelOf(c.ageGroup),
        isArchived: c.isArchived,
        createdAt: c.createdAt,
      })),
      totalExercises: exercises.total,
      totalChallenges: challenges.total,
    };
  };
