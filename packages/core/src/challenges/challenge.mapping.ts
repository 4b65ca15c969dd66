/** Database rows of the challenges → the DTO fields every read shares. */
import { ageGroupFromDb } from '../exercises/index.ts';
import type { ChallengeListRow } from './challenge.repo.ts';
import { challengeTypeFromDb, successRatePercent, tagsFromText } from './challenge.rules.ts';
import type { ChallengeListItemDto } from './challenge.schemas.ts';

export const toChallengeListItem = (row: ChallengeListRow): ChallengeListItemDto => ({
  id: row.id,
  title: row.title,
  description: row.description,
  challengeType: challengeTypeFromDb(row.challengeType),
  ageGroup: ageGroupFromDb(row.ageGroup),
  difficulty: row.difficulty,
  tags: tagsFromText(row.tags),
  difficultyRating: row.difficultyRating,
  estimatedTimeMinutes: row.estimatedTimeMinutes,
  successRate: successRatePercent(row.attemptCount, row.correctAttemptCount),
  viewCount: row.viewCount,
  isArchived: row.isArchived,
});
