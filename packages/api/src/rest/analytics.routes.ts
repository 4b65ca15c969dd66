/** Learning-analytics events (api-rest-core §6.8.1, route 42). */
import { jsonBody } from '../legacy/body.ts';
import { ZLegacyEventBody, ZLegacyEventResponse } from './analytics.legacy.ts';
import { ok } from './reply.ts';
import { defineRoute, defineRoutes } from './route.ts';

export const analyticsRoutes = defineRoutes({
  feature: 'analytics',
  routes: [
    defineRoute({
      method: 'POST',
      path: '/analytics/event',
      guard: 'user',
      summary: 'Record a learning-analytics event (quick_start_click, first_attempt)',
      body: jsonBody(ZLegacyEventBody),
      responses: { 200: ZLegacyEventResponse },
      errors: [400, 422],
      handler: async ({ core, ctx, body }) => {
        await core.analytics.track(ctx, body);
        return ok({ ok: true as const });
      },
    }),
  ],
});
