import { ZTrackedEventDto, ZTrackEventInput } from '@mathakine/core';

import { router } from '../init.ts';
import { authedProcedure } from '../procedures.ts';

/** Learning-analytics events (legacy route 42's access level: any signed-in user). */
export const analyticsRouter = router({
  track: authedProcedure
    .input(ZTrackEventInput)
    .output(ZTrackedEventDto)
    .mutation(({ ctx, input }) => ctx.core.analytics.track(ctx, input)),
});
