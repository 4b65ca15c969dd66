/** Learning-analytics events (api-rest-core §6.8.1): stored for the admin EdTech report. */
import type { CoreDeps } from '../kernel/deps.ts';
import { makeTrackEvent } from './track-event.ts';

export const makeAnalyticsService = (deps: Pick<CoreDeps, 'db' | 'clock'>) => ({
  track: makeTrackEvent(deps),
});

export type AnalyticsService = ReturnType<typeof makeAnalyticsService>;
