import type { CoreDeps } from '../kernel/deps.ts';

/** What every recommendations use case receives. */
export type RecommendationDeps = Pick<CoreDeps, 'db' | 'clock'>;
