import { z } from 'zod';

import {
  ZAdminConfigDto,
  ZAdminEdtechDto,
  ZAdminEdtechInput,
  ZAdminFeedbackDeletedDto,
  ZAdminFeedbackIdInput,
  ZAdminFeedbackListDto,
  ZAdminFeedbackStatusDto,
  ZAdminHealthDto,
  ZAdminListUsersInput,
  ZAdminMessageDto,
  ZAdminModerationDto,
  ZAdminModerationInput,
  ZAdminOverviewDto,
  ZAdminPatchedUserDto,
  ZAdminPatchUserRequest,
  ZAdminReportDto,
  ZAdminReportInput,
  ZAdminStatusOkDto,
  ZAdminUpdateConfigInput,
  ZAdminUpdateFeedbackInput,
  ZAdminUserIdInput,
  ZAdminUserListDto,
  ZAuditLogDto,
  ZListAuditLogInput,
} from '@mathakine/core';

import { router } from '../init.ts';
import { adminProcedure } from '../procedures.ts';

/** The back office answers during maintenance, as the legacy `/api/admin` area does. */
const admin = adminProcedure.meta({ maintenanceExempt: true });

/**
 * The back office (api-rest-challenges-admin §6, upstream-v36 §14–15) over the same core use cases as the
 * legacy `/api/admin` routes. The CSV export is a file download: legacy REST only.
 */
export const adminRouter = router({
  health: admin.output(ZAdminHealthDto).query(({ ctx }) => ctx.core.admin.health(ctx)),
  overview: admin.output(ZAdminOverviewDto).query(({ ctx }) => ctx.core.admin.overview(ctx)),
  report: admin
    .input(ZAdminReportInput)
    .output(ZAdminReportDto)
    .query(({ ctx, input }) => ctx.core.admin.report(ctx, input)),
  users: router({
    list: admin
      .input(ZAdminListUsersInput)
      .output(ZAdminUserListDto)
      .query(({ ctx, input }) => ctx.core.admin.listUsers(ctx, input)),
    update: admin
      .input(ZAdminPatchUserRequest)
      .output(ZAdminPatchedUserDto)
      .mutation(({ ctx, input }) => ctx.core.admin.patchUser(ctx, input)),
    delete: admin
      .input(ZAdminUserIdInput)
      .output(ZAdminMessageDto)
      .mutation(({ ctx, input }) => ctx.core.admin.deleteUser(ctx, input)),
    sendResetPassword: admin
      .input(ZAdminUserIdInput)
      .output(ZAdminMessageDto)
      .mutation(({ ctx, input }) => ctx.core.admin.sendResetPassword(ctx, input)),
    resendVerification: admin
      .input(ZAdminUserIdInput)
      .output(ZAdminMessageDto)
      .mutation(({ ctx, input }) => ctx.core.admin.resendVerification(ctx, input)),
  }),
  feedback: router({
    list: admin.output(ZAdminFeedbackListDto).query(({ ctx }) => ctx.core.admin.listFeedback(ctx)),
    updateStatus: admin
      .input(ZAdminUpdateFeedbackInput)
      .output(ZAdminFeedbackStatusDto)
      .mutation(({ ctx, input }) => ctx.core.admin.updateFeedbackStatus(ctx, input)),
    delete: admin
      .input(ZAdminFeedbackIdInput)
      .output(ZAdminFeedbackDeletedDto)
      .mutation(({ ctx, input }) => ctx.core.admin.deleteFeedback(ctx, input)),
  }),
  auditLog: admin
    .input(ZListAuditLogInput)
    .output(ZAuditLogDto)
    .query(({ ctx, input }) => ctx.core.audit.list(ctx, input)),
  moderation: admin
    .input(ZAdminModerationInput)
    .output(ZAdminModerationDto)
    .query(({ ctx, input }) => ctx.core.admin.moderation(ctx, input)),
  config: router({
    get: admin.output(ZAdminConfigDto).query(({ ctx }) => ctx.core.admin.getConfig(ctx)),
    update: admin
      .input(ZAdminUpdateConfigInput)
      .output(ZAdminStatusOkDto)
      .mutation(({ ctx, input }) => ctx.core.admin.updateConfig(ctx, input)),
  }),
  edtechAnalytics: admin
    .input(ZAdminEdtechInput.extend({ period: z.enum(['7d', '30d']).default('7d') }))
    .output(ZAdminEdtechDto)
    .query(({ ctx, input }) => ctx.core.admin.edtechAnalytics(ctx, input)),
});
