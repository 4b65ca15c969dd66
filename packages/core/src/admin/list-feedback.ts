import { requireAdmin } from '../kernel/authz.ts';
import type { Ctx } from '../kernel/deps.ts';
import type { AdminDeps } from './admin-deps.ts';
import { listFeedback } from './admin.repo.ts';
import {
  ADMIN_FEEDBACK_LIMIT,
  type AdminFeedbackDto,
  type AdminFeedbackListDto,
} from './admin.schemas.ts';

/** §6.11: the 500 most recent reports, newest first, with the reporter's current username. */
export const makeListFeedback =
  (deps: Pick<AdminDeps, 'db'>) =>
  async (ctx: Ctx): Promise<AdminFeedbackListDto> => {
    requireAdmin(ctx);
    const rows = await listFeedback(deps.db.prisma, ADMIN_FEEDBACK_LIMIT);
    return {
      feedback: rows.map((row): AdminFeedbackDto => ({
        id: row.id,
        userId: row.userId,
        username: row.user?.username ?? null,
        feedbackType: row.feedbackType.toLowerCase() as AdminFeedbackDto['feedbackType'],
        pageUrl: row.pageUrl,
        exerciseId: row.exerciseId,
        challengeId: row.challengeId,
        description: row.description,
        status: row.status.toLowerCase() as AdminFeedbackDto['status'],
        createdAt: row.createdAt,
      })),
    };
  };
