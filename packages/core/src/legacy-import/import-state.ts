/** What one import run accumulates across tables: accepted ids (the references of later tables). */
import type { ImportedIds } from './activity-rows.rules.ts';
import type { ChecksumTable, RunningChecksum } from './checksums.rules.ts';

export interface ImportState extends ImportedIds {
  users: Set<number>;
  exercises: Set<number>;
  challenges: Set<number>;
  /** Legacy badge id → our badge. */
  achievements: Map<number, { id: number; pointsReward: number }>;
  /** Accepted awards as `userId:achievementId` (our badge ids): duplicates and pins check them. */
  awardPairs: Set<string>;
  /** Key checksums of the accepted rows, per table. */
  checksums: Partial<Record<ChecksumTable, RunningChecksum>>;
}

export const newImportState = (now: Date): ImportState => ({
  users: new Set(),
  exercises: new Set(),
  challenges: new Set(),
  achievements: new Map(),
  awardPairs: new Set(),
  checksums: {},
  now,
});
