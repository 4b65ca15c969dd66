/**
 * The recommendations use cases (one file each): read (generating on first read), generate, count
 * displays, complete, and record opens/clicks (spec/domain-rules.md §6, upstream-v36 §11).
 */
import { makeCompleteRecommendation } from './complete-recommendation.ts';
import { makeGenerateRecommendations } from './generate-recommendations.ts';
import { makeListRecommendations } from './list-recommendations.ts';
import { makeMarkShown } from './mark-shown.ts';
import type { RecommendationDeps } from './recommendation-deps.ts';
import { makeRecordClick } from './record-click.ts';

export const makeRecommendationService = (deps: RecommendationDeps) => {
  const recordClick = makeRecordClick(deps);
  return {
    list: makeListRecommendations(deps),
    generate: makeGenerateRecommendations(deps),
    markShown: makeMarkShown(deps),
    complete: makeCompleteRecommendation(deps),
    /** The learner opened the recommended item (`POST /open`); the same count as a click. */
    recordOpen: recordClick,
    recordClick,
  };
};

export type RecommendationService = ReturnType<typeof makeRecommendationService>;
