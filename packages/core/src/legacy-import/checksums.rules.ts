/**
 * Checksums of key columns (pure): one SHA-256 per table over `id|col|col…` lines in id order. The
 * import computes it from the rows it accepted, the verification from the rows our database holds; equal
 * digests mean the same rows with the same key values.
 */
import { createHash, type Hash } from 'node:crypto';

export const CHECKSUM_TABLES = [
  'users',
  'exercises',
  'logic_challenges',
  'attempts',
  'logic_challenge_attempts',
  'user_achievements',
] as const;
export type ChecksumTable = (typeof CHECKSUM_TABLES)[number];

/** The key columns each checksum covers (documentation and report header). */
export const CHECKSUM_COLUMNS: Readonly<Record<ChecksumTable, readonly string[]>> = {
  users: ['id', 'username', 'email', 'hashed_password', 'role', 'total_points'],
  exercises: ['id', 'exercise_type', 'difficulty', 'age_group', 'correct_answer', 'is_archived'],
  logic_challenges: ['id', 'challenge_type', 'age_group', 'correct_answer', 'is_archived'],
  attempts: ['id', 'user_id', 'exercise_id', 'is_correct', 'created_at'],
  logic_challenge_attempts: ['id', 'user_id', 'challenge_id', 'is_correct', 'created_at'],
  user_achievements: ['id', 'user_id', 'achievement_id', 'earned_at'],
};

type KeyValue = string | number | boolean | Date | null;

const text = (value: KeyValue): string =>
  value instanceof Date ? value.toISOString() : value === null ? '\\N' : String(value);

/** A running checksum: feed rows in id order, read the digest and the row count at the end. */
export interface RunningChecksum {
  add(values: readonly KeyValue[]): void;
  digest(): string;
  readonly rows: number;
  /** Highest id fed (the first value of each line), 0 when empty. */
  readonly maxId: number;
}

export const runningChecksum = (): RunningChecksum => {
  const hash: Hash = createHash('sha256');
  let rows = 0;
  let maxId = 0;
  let result: string | null = null;
  return {
    add: (values) => {
      hash.update(`${values.map(text).join('|')}\n`);
      rows += 1;
      const id = values[0];
      if (typeof id === 'number' && id > maxId) maxId = id;
    },
    digest: () => (result ??= hash.digest('hex')),
    get rows() {
      return rows;
    },
    get maxId() {
      return maxId;
    },
  };
};

export interface KeyRows {
  users: {
    id: number;
    username: string;
    email: string;
    hashedPassword: string;
    role: string;
    totalPoints: number;
  };
  exercises: {
    id: number;
    exerciseType: string;
    difficulty: string;
    ageGroup: string;
    correctAnswer: string;
    isArchived: boolean;
  };
  logic_challenges: {
    id: number;
    challengeType: string;
    ageGroup: string;
    correctAnswer: string | null;
    isArchived: boolean;
  };
  attempts: { id: number; userId: number; targetId: number; isCorrect: boolean; createdAt: Date };
  logic_challenge_attempts: {
    id: number;
    userId: number;
    targetId: number;
    isCorrect: boolean;
    createdAt: Date;
  };
  user_achievements: { id: number; userId: number; achievementId: number; earnedAt: Date };
}

/** The key values of one row of each checksummed table, in CHECKSUM_COLUMNS order. */
export const KEY_OF: { [T in ChecksumTable]: (row: KeyRows[T]) => KeyValue[] } = {
  users: (r) => [r.id, r.username, r.email, r.hashedPassword, r.role, r.totalPoints],
  exercises: (r) => [r.id, r.exerciseType, r.difficulty, r.ageGroup, r.correctAnswer, r.isArchived],
  logic_challenges: (r) => [r.id, r.challengeType, r.ageGroup, r.correctAnswer, r.isArchived],
  attempts: (r) => [r.id, r.userId, r.targetId, r.isCorrect, r.createdAt],
  logic_challenge_attempts: (r) => [r.id, r.userId, r.targetId, r.isCorrect, r.createdAt],
  user_achievements: (r) => [r.id, r.userId, r.achievementId, r.earnedAt],
};
