import { insertAuditEntry } from '../audit/index.ts';
import type { FeedbackStatus } from '../db/generated/client.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { AdminDeps } from './admin-deps.ts';
import { parseAdminInput } from './admin-input.ts';
import { deleteFeedbackRow, findFeedbackStatus, updateFeedbackStatus } from './admin.repo.ts';
import {
  ADMIN_MESSAGES,
  ZAdminFeedbackIdInput,
  ZAdminUpdateFeedbackInput,
  type AdminFeedbackDeletedDto,
  type AdminFeedbackIdInput,
  type AdminFeedbackStatusDto,
  type AdminUpdateFeedbackInput,
} from './admin.schemas.ts';

const notFound = () => new AppError('NOT_FOUND', ADMIN_MESSAGES.feedbackNotFound);

/**
 * upstream-v36 §15 `PATCH /api/admin/feedback/{id}`: new / read / resolved. Unlike the upstream, the
 * change is audited (`feedback_update`, same transaction).
 */
export const makeUpdateFeedbackStatus =
  (deps: Pick<AdminDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: AdminUpdateFeedbackInput): Promise<AdminFeedbackStatusDto> => {
    const admin = requireAdmin(ctx);
    const { feedbackId, status } = parseAdminInput(ZAdminUpdateFeedbackInput, input);
    const now = deps.clock.now();
    const row = await deps.db.prisma.$transaction(async (tx) => {
      const before = await findFeedbackStatus(tx, feedbackId);
      if (!before) throw notFound();
      const after = await updateFeedbackStatus(
        tx,
        feedbackId,
        status.toUpperCase() as FeedbackStatus,
      );
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'feedback_update',
          resourceType: 'feedback',
          resourceId: feedbackId,
          details: { from: before.status.toLowerCase(), to: status },
        },
        now,
      );
      return after;
    });
    return { id: row.id, status: row.status.toLowerCase() as AdminFeedbackStatusDto['status'] };
  };

/** upstream-v36 §15 `DELETE /api/admin/feedback/{id}`: the hard delete, audited (`feedback_delete`). */
export const makeDeleteFeedback =
  (deps: Pick<AdminDeps, 'db' | 'clock'>) =>
  async (ctx: Ctx, input: AdminFeedbackIdInput): Promise<AdminFeedbackDeletedDto> => {
    const admin = requireAdmin(ctx);
    const { feedbackId } = parseAdminInput(ZAdminFeedbackIdInput, input);
    const now = deps.clock.now();
    await deps.db.prisma.$transaction(async (tx) => {
      const before = await findFeedbackStatus(tx, feedbackId);
      if (!before) throw notFound();
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'feedback_delete',
          resourceType: 'feedback',
          resourceId: feedbackId,
          details: { status: before.status.toLowerCase() },
        },
        now,
      );
      await deleteFeedbackRow(tx, feedbackId);
    });
    return { success: true, id: feedbackId };
  };
