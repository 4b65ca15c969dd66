/** Admin challenge rows → DTOs, and JSON inputs → Prisma JSON values. */
import { Prisma } from '../db/generated/client.ts';
import { ageGroupFromDb } from '../exercises/index.ts';
import type { AdminJson } from '../lib/admin-content.ts';
import type { AdminChallengeListRow, AdminChallengeRow } from './admin-challenge.repo.ts';
import { challengeSuccessRate } from './admin-challenge.rules.ts';
import type { AdminChallengeDto, AdminChallengeListItemDto } from './admin-challenge.schemas.ts';
import { challengeTypeFromDb } from './challenge.rules.ts';

export const toAdminChallengeDto = (row: AdminChallengeRow): AdminChallengeDto => ({
  ...row,
  challengeType: challengeTypeFromDb(row.challengeType),
  ageGroup: ageGroupFromDb(row.ageGroup),
});

export const toAdminChallengeListItem = (
  row: AdminChallengeListRow,
): AdminChallengeListItemDto => ({
  id: row.id,
  title: row.title,
  challengeType: challengeTypeFromDb(row.challengeType),
  ageGroup: ageGroupFromDb(row.ageGroup),
  isArchived: row.isArchived,
  attemptCount: row.attemptCount,
  successRate: challengeSuccessRate(row.attemptCount, row.correctAttemptCount),
  createdAt: row.createdAt,
});

/** A JSON column's new value: SQL NULL for `null`. */
export const jsonColumn = (value: AdminJson): Prisma.InputJsonValue | typeof Prisma.DbNull =>
  value === null ? Prisma.DbNull : value;
