/** Stored recommendation rows → what the read decides on and the DTOs it returns. */
import type { PendingRow } from './recommendation.repo.ts';
import type { PendingRecommendation } from './recommendation.rules.ts';
import {
  REASON_CODES,
  ZReasonParams,
  type ReasonCode,
  type RecommendationDto,
} from './recommendation.schemas.ts';

const reasonCodeOf = (code: string | null): ReasonCode | null =>
  REASON_CODES.find((c) => c === code) ?? null;

/** The DTO of a pending row, or null when its target is gone (deleted: SET NULL). */
export const toRecommendationDto = (row: PendingRow): RecommendationDto | null => {
  const base = {
    id: row.id,
    priority: row.priority,
    difficulty: row.difficulty ?? 'PADAWAN',
    reason: row.reason ?? '',
    reasonCode: reasonCodeOf(row.reasonCode),
    // Rows are written by this code; anything unreadable (older or edited rows) reads as no parameter.
    reasonParams: ZReasonParams.safeParse(row.reasonParams).data ?? {},
  };
  if (row.recommendationType === 'EXERCISE') {
    if (row.exerciseId === null || row.exerciseType === null || row.exerciseTitle === null)
      return null;
    return {
      ...base,
      kind: 'exercise',
      exerciseId: row.exerciseId,
      exerciseType: row.exerciseType,
      title: row.exerciseTitle,
      question: row.exerciseQuestion ?? '',
    };
  }
  if (row.challengeId === null || row.challengeType === null || row.challengeTitle === null)
    return null;
  return {
    ...base,
    kind: 'challenge',
    challengeId: row.challengeId,
    challengeType: row.challengeType,
    title: row.challengeTitle,
  };
};

/** A pending row as the read's selection sees it. */
export const toPending = (row: PendingRow): PendingRecommendation & { row: PendingRow } => ({
  id: row.id,
  kind: row.recommendationType === 'EXERCISE' ? 'exercise' : 'challenge',
  showable: row.open && toRecommendationDto(row) !== null,
  row,
});
