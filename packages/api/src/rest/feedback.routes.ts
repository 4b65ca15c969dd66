/** Feedback reports (api-rest-core §6.8.2, route 43). */
import { FEEDBACK_MESSAGES } from '@mathakine/core';

import { jsonBody } from '../legacy/body.ts';
import { ZLegacyFeedbackBody, ZLegacyFeedbackResponse } from './feedback.legacy.ts';
import { created } from './reply.ts';
import { defineRoute, defineRoutes } from './route.ts';

export const feedbackRoutes = defineRoutes({
  feature: 'feedback',
  routes: [
    defineRoute({
      method: 'POST',
      path: '/feedback',
      guard: 'user',
      summary: 'Report a problem with an exercise, a challenge, the interface or anything else',
      body: jsonBody(ZLegacyFeedbackBody),
      responses: { 201: ZLegacyFeedbackResponse },
      errors: [400, 404, 409, 422, 429],
      handler: async ({ core, ctx, body }) => {
        const { id } = await core.feedback.create(ctx, body);
        return created({ success: true as const, id, message: FEEDBACK_MESSAGES.thanks });
      },
    }),
  ],
});
