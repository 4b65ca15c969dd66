/**
 * The back office under `/api/admin` (api-rest-challenges-admin §6, upstream-v36 §14–15). The legacy
 * exempts all of it from maintenance (api-rest-core §1.7), unknown admin paths included, hence the area.
 * Every route is `admin` (role `archiviste`; the core services check it again).
 */
import { jsonBody } from '../legacy/body.ts';
import { EXPORT_CONTENT_TYPE, exportCsvStream } from './admin-export.legacy.ts';
import { adminUserRoutes } from './admin-users.routes.ts';
import {
  toLegacyAdminFeedbackList,
  toLegacyAuditLog,
  toLegacyEdtech,
  toLegacyModeration,
  toLegacyReport,
  ZLegacyAdminFeedbackList,
  ZLegacyAdminFeedbackParams,
  ZLegacyAdminHealth,
  ZLegacyAdminPeriodQuery,
  ZLegacyAuditLog,
  ZLegacyAuditLogQuery,
  ZLegacyConfig,
  ZLegacyConfigBody,
  ZLegacyEdtech,
  ZLegacyEdtechQuery,
  ZLegacyExportQuery,
  ZLegacyFeedbackDeleted,
  ZLegacyFeedbackStatus,
  ZLegacyFeedbackStatusBody,
  ZLegacyModeration,
  ZLegacyModerationQuery,
  ZLegacyOverview,
  ZLegacyReport,
  ZLegacyStatusOk,
} from './admin.legacy.ts';
import { file, fileResponse, ok } from './reply.ts';
import { defineRoute, defineRoutes } from './route.ts';

export const adminRoutes = defineRoutes({
  feature: 'admin',
  area: { prefix: '/admin', maintenanceExempt: true },
  routes: [
    defineRoute({
      method: 'GET',
      path: '/admin/health',
      guard: 'admin',
      summary: 'Administrator probe',
      responses: { 200: ZLegacyAdminHealth },
      errors: [],
      handler: async ({ core, ctx }) => ok(await core.admin.health(ctx)),
    }),
    defineRoute({
      method: 'GET',
      path: '/admin/overview',
      guard: 'admin',
      summary: 'Platform totals: users, live exercises and challenges, exercise attempts',
      responses: { 200: ZLegacyOverview },
      errors: [],
      handler: async ({ core, ctx }) => {
        const o = await core.admin.overview(ctx);
        return ok({
          total_users: o.totalUsers,
          total_exercises: o.totalExercises,
          total_challenges: o.totalChallenges,
          total_attempts: o.totalAttempts,
        });
      },
    }),
    ...adminUserRoutes,
    defineRoute({
      method: 'GET',
      path: '/admin/reports',
      guard: 'admin',
      summary: 'Activity report over the last 7 or 30 days',
      query: ZLegacyAdminPeriodQuery,
      responses: { 200: ZLegacyReport },
      errors: [400],
      handler: async ({ core, ctx, query }) =>
        ok(toLegacyReport(await core.admin.report(ctx, { period: query.period ?? '7d' }))),
    }),
    defineRoute({
      method: 'GET',
      path: '/admin/feedback',
      guard: 'admin',
      summary: 'The 500 most recent feedback reports',
      responses: { 200: ZLegacyAdminFeedbackList },
      errors: [],
      handler: async ({ core, ctx }) =>
        ok(toLegacyAdminFeedbackList(await core.admin.listFeedback(ctx))),
    }),
    defineRoute({
      method: 'PATCH',
      path: '/admin/feedback/:feedback_id{[0-9]+}',
      guard: 'admin',
      summary: 'Triage a feedback report: new, read or resolved',
      params: ZLegacyAdminFeedbackParams,
      body: jsonBody(ZLegacyFeedbackStatusBody),
      responses: { 200: ZLegacyFeedbackStatus },
      errors: [400, 404, 422],
      handler: async ({ core, ctx, params, body }) =>
        ok(
          await core.admin.updateFeedbackStatus(ctx, {
            feedbackId: params.feedback_id,
            // Absent or null: core answers `Champ status requis`.
            status: body.status ?? '',
          }),
        ),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/admin/feedback/:feedback_id{[0-9]+}',
      guard: 'admin',
      summary: 'Delete a feedback report',
      params: ZLegacyAdminFeedbackParams,
      responses: { 200: ZLegacyFeedbackDeleted },
      errors: [404],
      handler: async ({ core, ctx, params }) =>
        ok(await core.admin.deleteFeedback(ctx, { feedbackId: params.feedback_id })),
    }),
    defineRoute({
      method: 'GET',
      path: '/admin/audit-log',
      guard: 'admin',
      summary: 'The audit log of administrator changes, newest first',
      query: ZLegacyAuditLogQuery,
      responses: { 200: ZLegacyAuditLog },
      errors: [],
      handler: async ({ core, ctx, query }) =>
        ok(toLegacyAuditLog(await core.audit.list(ctx, query))),
    }),
    defineRoute({
      method: 'GET',
      path: '/admin/moderation',
      guard: 'admin',
      summary: 'Recent AI-generated exercises and challenges to review',
      query: ZLegacyModerationQuery,
      responses: { 200: ZLegacyModeration },
      errors: [],
      handler: async ({ core, ctx, query }) =>
        ok(toLegacyModeration(await core.admin.moderation(ctx, query))),
    }),
    defineRoute({
      method: 'GET',
      path: '/admin/config',
      guard: 'admin',
      summary: 'The platform settings with their effective values',
      responses: { 200: ZLegacyConfig },
      errors: [],
      handler: async ({ core, ctx }) => ok(await core.admin.getConfig(ctx)),
    }),
    defineRoute({
      method: 'PUT',
      path: '/admin/config',
      guard: 'admin',
      summary: 'Change platform settings (they apply without a restart)',
      body: jsonBody(ZLegacyConfigBody),
      responses: { 200: ZLegacyStatusOk },
      errors: [400, 422],
      handler: async ({ core, ctx, body }) => ok(await core.admin.updateConfig(ctx, body)),
    }),
    defineRoute({
      method: 'GET',
      path: '/admin/export',
      guard: 'admin',
      summary: 'CSV export of users, exercises, attempts or the overview',
      query: ZLegacyExportQuery,
      responses: { 200: fileResponse(EXPORT_CONTENT_TYPE) },
      errors: [400],
      handler: async ({ core, ctx, query }) => {
        const dto = await core.admin.exportCsv(ctx, query);
        return file(dto.filename, exportCsvStream(dto, ctx.log));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/admin/analytics/edtech',
      guard: 'admin',
      summary: 'EdTech analytics: quick-start clicks and time to the first attempt',
      query: ZLegacyEdtechQuery,
      responses: { 200: ZLegacyEdtech },
      errors: [],
      handler: async ({ core, ctx, query }) =>
        ok(toLegacyEdtech(await core.admin.edtechAnalytics(ctx, query))),
    }),
  ],
});
