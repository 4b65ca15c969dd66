/**
 * Legacy learner statistics (api-rest-core §6.3.10 route 22, §6.3.12 route 24), read from the progress
 * caches; floats written as Python floats.
 */
import { parseLegacyTimeRange } from '@mathakine/core';

import { authedCtxOf } from '../http/request-ctx.ts';
import { legacyJson } from '../legacy/format.ts';
import { toLegacyDashboard, toLegacyProgress } from './exercises.mappers.ts';
import type { LegacyRoutesModule } from './index.ts';

export const progressRoutes: LegacyRoutesModule = ({ route }) => {
  // 22
  route('GET', '/users/me/progress', 'user+full', async (c) =>
    legacyJson(toLegacyProgress(await c.var.core.progress.get(authedCtxOf(c)))),
  );

  // 24: any timeRange other than 7, 30, 90 or all means 30.
  route('GET', '/users/stats', 'user', async (c) =>
    legacyJson(
      toLegacyDashboard(
        await c.var.core.stats.dashboard(authedCtxOf(c), {
          timeRange: parseLegacyTimeRange(c.req.query('timeRange')),
        }),
      ),
    ),
  );
};
