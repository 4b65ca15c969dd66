import { makeGetConfig, makeUpdateConfig } from './admin-config.ts';
import type { AdminDeps } from './admin-deps.ts';
import { makeDeleteUser } from './delete-user.ts';
import { makeEdtechAnalytics } from './edtech-analytics.ts';
import { makeExportCsv } from './export-csv.ts';
import { makeAdminHealth, makeGetOverview } from './get-overview.ts';
import { makeGetReport } from './get-report.ts';
import { makeListFeedback } from './list-feedback.ts';
import { makeListModeration } from './list-moderation.ts';
import { makeListUsers } from './list-users.ts';
import { makePatchUser } from './patch-user.ts';
import { makeResendVerification, makeSendResetPassword } from './send-user-mail.ts';
import { makeDeleteFeedback, makeUpdateFeedbackStatus } from './triage-feedback.ts';

/**
 * The back office (api-rest-challenges-admin §6, upstream-v36 §14–15): every method checks the
 * administrator role itself (`requireAdmin`) and writes its audit entry in its own transaction. The audit
 * log's read side is `core.audit.list`.
 */
export const makeAdminService = (deps: AdminDeps) => ({
  health: makeAdminHealth(),
  overview: makeGetOverview(deps),
  report: makeGetReport(deps),
  listUsers: makeListUsers(deps),
  patchUser: makePatchUser(deps),
  deleteUser: makeDeleteUser(deps),
  sendResetPassword: makeSendResetPassword(deps),
  resendVerification: makeResendVerification(deps),
  listFeedback: makeListFeedback(deps),
  updateFeedbackStatus: makeUpdateFeedbackStatus(deps),
  deleteFeedback: makeDeleteFeedback(deps),
  moderation: makeListModeration(deps),
  getConfig: makeGetConfig(deps),
  updateConfig: makeUpdateConfig(deps),
  exportCsv: makeExportCsv(deps),
  edtechAnalytics: makeEdtechAnalytics(deps),
});

export type AdminService = ReturnType<typeof makeAdminService>;
