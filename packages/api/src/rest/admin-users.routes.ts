/**
 * The back office's user management (api-rest-challenges-admin §6.3–6.6, upstream-v36 §14), collected by
 * the admin module (admin.routes.ts), whose `/admin` area they share.
 */
import { jsonBody } from '../legacy/body.ts';
import { ZMessageBody } from '../legacy/wire.ts';
import {
  toLegacyAdminUserList,
  toLegacyPatchedUser,
  ZLegacyAdminUserList,
  ZLegacyAdminUserParams,
  ZLegacyAdminUsersQuery,
  ZLegacyPatchedUser,
  ZLegacyPatchUserBody,
} from './admin.legacy.ts';
import { ok } from './reply.ts';
import { defineRoute, type LegacyRoute } from './route.ts';

export const adminUserRoutes: readonly LegacyRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/admin/users',
    guard: 'admin',
    summary: 'List users (search, role and active filters), newest first',
    query: ZLegacyAdminUsersQuery,
    responses: { 200: ZLegacyAdminUserList },
    errors: [],
    handler: async ({ core, ctx, query }) =>
      ok(toLegacyAdminUserList(await core.admin.listUsers(ctx, query))),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/admin/users/:user_id{[0-9]+}',
    guard: 'admin',
    summary: 'Activate, deactivate or change the role of a user (never one’s own account)',
    params: ZLegacyAdminUserParams,
    body: jsonBody(ZLegacyPatchUserBody),
    responses: { 200: ZLegacyPatchedUser },
    errors: [400, 404, 422],
    handler: async ({ core, ctx, params, body }) =>
      ok(
        toLegacyPatchedUser(
          await core.admin.patchUser(ctx, {
            userId: params.user_id,
            isActive: body.is_active,
            role: body.role,
          }),
        ),
      ),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/admin/users/:user_id{[0-9]+}',
    guard: 'admin',
    summary: 'Delete a user for good; other users’ data stays intact',
    params: ZLegacyAdminUserParams,
    responses: { 200: ZMessageBody },
    errors: [400, 404],
    handler: async ({ core, ctx, params }) =>
      ok(await core.admin.deleteUser(ctx, { userId: params.user_id })),
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/users/:user_id{[0-9]+}/send-reset-password',
    guard: 'admin',
    summary: 'Send a password-reset e-mail to an active user now',
    params: ZLegacyAdminUserParams,
    responses: { 200: ZMessageBody },
    errors: [400, 404, 503],
    handler: async ({ core, ctx, params }) =>
      ok(await core.admin.sendResetPassword(ctx, { userId: params.user_id })),
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/users/:user_id{[0-9]+}/resend-verification',
    guard: 'admin',
    summary: 'Send a fresh verification e-mail now (no cooldown)',
    params: ZLegacyAdminUserParams,
    responses: { 200: ZMessageBody },
    errors: [404, 503],
    handler: async ({ core, ctx, params }) =>
      ok(await core.admin.resendVerification(ctx, { userId: params.user_id })),
  }),
];
