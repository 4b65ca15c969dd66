/** The account routes under `/api/users` (api-rest-core §6.3, routes 13–21 and 26). */
import { z } from 'zod';

import { USER_MESSAGES, ZChangePasswordInput, ZSessionIdInput } from '@mathakine/core';

import { jsonBody } from '../legacy/body.ts';
import { digitsParam, idParam } from '../legacy/inputs.ts';
import { ZMessageBody, ZSuccessMessageBody } from '../legacy/wire.ts';
import { created, ok } from './reply.ts';
import { defineRoute, defineRoutes } from './route.ts';
import { toLegacyExport, ZLegacyExport } from './users-export.legacy.ts';
import {
  toLegacyMe,
  toLegacyProfile,
  toLegacyRegistered,
  toLegacySession,
  ZLegacyMe,
  ZLegacyProfile,
  ZLegacyProfileBody,
  ZLegacyRegisterBody,
  ZLegacyRegistered,
  ZLegacySession,
} from './users.legacy.ts';

const LIST_PLACEHOLDER = 'La liste de tous les utilisateurs est en cours de développement.';

export const usersRoutes = defineRoutes({
  feature: 'users',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/users/',
      guard: 'user',
      summary: 'Placeholder of the user list',
      responses: { 200: ZMessageBody },
      errors: [],
      handler: () => ok({ message: LIST_PLACEHOLDER }),
    }),

    defineRoute({
      method: 'POST',
      path: '/users/',
      guard: 'public',
      summary: 'Register a learner (no cookies: the frontend logs in next)',
      body: jsonBody(ZLegacyRegisterBody),
      responses: { 201: ZLegacyRegistered },
      errors: [400, 403, 409, 422, 429],
      handler: async ({ core, ctx, body, client }) =>
        created(toLegacyRegistered(await core.users.register(ctx, body, client))),
    }),

    defineRoute({
      method: 'GET',
      path: '/users/me',
      guard: 'user',
      summary: 'The current user',
      responses: { 200: ZLegacyMe },
      errors: [],
      handler: async ({ core, ctx }) => ok(toLegacyMe(await core.users.getMe(ctx))),
    }),

    defineRoute({
      method: 'PUT',
      path: '/users/me',
      guard: 'user',
      summary: 'Update the profile and preferences',
      body: jsonBody(ZLegacyProfileBody),
      responses: { 200: ZLegacyProfile },
      errors: [400, 422],
      handler: async ({ core, ctx, body }) =>
        ok(toLegacyProfile(await core.users.updateMe(ctx, body))),
    }),

    defineRoute({
      method: 'PUT',
      path: '/users/me/password',
      guard: 'user+full',
      csrf: true,
      summary: 'Change the password (other sessions are revoked)',
      body: jsonBody(
        z
          .object({
            current_password: ZChangePasswordInput.shape.currentPassword,
            new_password: ZChangePasswordInput.shape.newPassword,
          })
          .transform((b) => ({ currentPassword: b.current_password, newPassword: b.new_password })),
        {
          required: [
            { field: 'current_password', message: USER_MESSAGES.currentPasswordRequired },
            { field: 'new_password', message: USER_MESSAGES.newPasswordRequired },
          ],
        },
      ),
      responses: { 200: ZSuccessMessageBody },
      errors: [400, 422],
      handler: async ({ core, ctx, body }) => {
        const result = await core.users.changePassword(ctx, body);
        return ok({ success: result.success, message: result.message });
      },
    }),

    defineRoute({
      method: 'DELETE',
      path: '/users/me',
      guard: 'user',
      csrf: true,
      summary: 'Delete the account (GDPR) and clear the cookies',
      responses: { 200: ZSuccessMessageBody },
      errors: [],
      handler: async ({ core, ctx, cookies }) => {
        const result = await core.users.deleteMe(ctx);
        cookies.clearAuth();
        return ok({ success: result.success, message: result.message });
      },
    }),

    defineRoute({
      method: 'GET',
      path: '/users/me/export',
      guard: 'user+full',
      summary: 'Everything held about the user (GDPR export)',
      responses: { 200: ZLegacyExport },
      errors: [],
      handler: async ({ core, ctx }) => ok(toLegacyExport(await core.users.exportMe(ctx))),
    }),

    defineRoute({
      method: 'GET',
      path: '/users/me/sessions',
      guard: 'user+full',
      summary: "The user's active sessions",
      responses: { 200: z.array(ZLegacySession) },
      errors: [],
      handler: async ({ core, ctx }) =>
        ok((await core.users.listSessions(ctx)).map(toLegacySession)),
    }),

    defineRoute({
      method: 'DELETE',
      path: '/users/me/sessions/:sessionId{[0-9]+}',
      guard: 'user+full',
      summary: 'Revoke one of the user’s sessions',
      params: z.object({
        sessionId: idParam(ZSessionIdInput.shape.sessionId, USER_MESSAGES.sessionNotFound),
      }),
      responses: { 200: ZSuccessMessageBody },
      errors: [404],
      handler: async ({ core, ctx, params }) => {
        const result = await core.users.revokeSession(ctx, params);
        return ok({ success: result.success, message: result.message });
      },
    }),

    defineRoute({
      method: 'DELETE',
      path: '/users/:userId{[0-9]+}',
      guard: 'user',
      summary: 'Never succeeds: 400 for oneself (use /users/me), 403 for anyone else',
      params: z.object({ userId: digitsParam() }),
      responses: {},
      errors: [400],
      handler: ({ core, ctx, params }) => core.users.deleteById(ctx, params.userId),
    }),
  ],
});
