import { insertAuditEntry } from '../audit/index.ts';
import { ageGroupToDb } from '../exercises/index.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { parseAdminInput } from '../lib/admin-content.ts';
import { jsonColumn, toAdminChallengeDto } from './admin-challenge.mapping.ts';
import { insertAdminChallenge } from './admin-challenge.repo.ts';
import { adminChallengeProblem } from './admin-challenge.rules.ts';
import {
  ZAdminCreateChallengeInput,
  type AdminChallengeDto,
  type AdminCreateChallengeInput,
} from './admin-challenge.schemas.ts';
import { challengeTypeToDb } from './challenge.rules.ts';

/**
 * POST /api/admin/challenges (§6.8): the answer must pass the challenge's own answer checker; rating
 * 3.0, 15 minutes, active, no creator; saved with its `challenge_create` entry in one transaction.
 */
export const makeAdminCreateChallenge =
  (deps: Pick<CoreDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: AdminCreateChallengeInput): Promise<AdminChallengeDto> => {
    const admin = requireAdmin(ctx);
    const data = parseAdminInput(ZAdminCreateChallengeInput, input);
    const problem = adminChallengeProblem({
      challengeType: data.challengeType,
      correctAnswer: data.correctAnswer ?? null,
      visualData: data.visualData ?? null,
      choices: null,
    });
    if (problem)
      throw new AppError('INVALID_INPUT', problem, { details: { field: 'correct_answer' } });
    const now = deps.clock.now();
    return deps.db.prisma.$transaction(async (tx) => {
      const row = await insertAdminChallenge(tx, {
        title: data.title,
        description: data.description,
        challengeType: challengeTypeToDb(data.challengeType),
        ageGroup: ageGroupToDb(data.ageGroup),
        question: data.question ?? null,
        correctAnswer: data.correctAnswer ?? null,
        solutionExplanation: data.solutionExplanation ?? null,
        ...(data.visualData === undefined ? {} : { visualData: jsonColumn(data.visualData) }),
        ...(data.hints === undefined ? {} : { hints: jsonColumn(data.hints) }),
        difficultyRating: 3.0,
        estimatedTimeMinutes: 15,
        isActive: true,
        isArchived: false,
        creatorId: null,
        createdAt: now,
        updatedAt: now,
      });
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'challenge_create',
          resourceType: 'challenge',
          resourceId: row.id,
          details: { title: row.title },
        },
        now,
      );
      return toAdminChallengeDto(row);
    });
  };
