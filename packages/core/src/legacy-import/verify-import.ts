/**
 * Verification of an imported database against what the import accepted from the source: row counts,
 * key-column checksums, derived caches recomputed from scratch, and the points consistency (reported).
 */
import type { Database } from '../db/types.ts';
import { CHECKSUM_TABLES, type ChecksumTable, type RunningChecksum } from './checksums.rules.ts';
import { checkDerivedCaches, type CacheMismatches } from './derived-caches.repo.ts';
import type { LegacyTable, TableCounts } from './import-report.rules.ts';
import {
  countPinnedBadges,
  countPointsMismatches,
  countUpTo,
  targetChecksum,
} from './verify.repo.ts';

export interface TableCheck {
  table: LegacyTable;
  /** Rows the import accepted from the source. */
  expected: number;
  /** Rows our database holds in the imported id range. */
  found: number;
  /** SHA-256 of the key columns: source side (accepted rows) and our side. */
  checksum: { source: string; target: string } | null;
  ok: boolean;
}

export interface VerificationReport {
  ok: boolean;
  tables: TableCheck[];
  /** Rows whose cache differs from a fresh computation (all 0 when ok). */
  cacheMismatches: CacheMismatches;
  /** Learners whose total_points is not the sum of their awards (kept, §8.4: informational). */
  pointsMismatches: number;
}

const COUNTED = [
  'recommendations',
  'feedback_reports',
  'edtech_events',
  'admin_audit_logs',
] as const;

export const verifyTarget = async (
  db: Database,
  counts: Readonly<Record<LegacyTable, TableCounts>>,
  checksums: Partial<Record<ChecksumTable, RunningChecksum>>,
): Promise<VerificationReport> => {
  const tables: TableCheck[] = [];
  for (const table of CHECKSUM_TABLES) {
    const source = checksums[table];
    if (source === undefined) continue;
    const target = await targetChecksum(db.prisma, table, source.maxId);
    const checksum = { source: source.digest(), target: target.digest };
    tables.push({
      table,
      expected: counts[table].accepted,
      found: target.rows,
      checksum,
      ok: target.rows === counts[table].accepted && checksum.source === checksum.target,
    });
  }
  for (const table of COUNTED) {
    const found = await countUpTo(db.prisma, table, counts[table].maxAcceptedId);
    tables.push({
      table,
      expected: counts[table].accepted,
      found,
      checksum: null,
      ok: found === counts[table].accepted,
    });
  }
  const pins = await countPinnedBadges(db.prisma);
  tables.push({
    table: 'user_pinned_badges',
    expected: counts.user_pinned_badges.accepted,
    found: pins,
    checksum: null,
    ok: pins === counts.user_pinned_badges.accepted,
  });
  const cacheMismatches = await checkDerivedCaches(db.prisma);
  const cachesOk = Object.values(cacheMismatches).every((n) => n === 0);
  return {
    ok: cachesOk && tables.every((t) => t.ok),
    tables,
    cacheMismatches,
    pointsMismatches: await countPointsMismatches(db.prisma),
  };
};

/** The verification as terminal text. */
export const formatVerification = (report: VerificationReport): string => {
  const lines = [`verification: ${report.ok ? 'OK' : 'FAILED'}`];
  for (const t of report.tables) {
    const sum =
      t.checksum === null
        ? ''
        : `  sha256 ${t.checksum.target.slice(0, 16)}${t.checksum.source === t.checksum.target ? '' : ` (source ${t.checksum.source.slice(0, 16)})`}`;
    lines.push(
      `  ${t.ok ? 'ok  ' : 'FAIL'} ${t.table.padEnd(26)} expected ${String(t.expected).padStart(9)}  found ${String(t.found).padStart(9)}${sum}`,
    );
  }
  const c = report.cacheMismatches;
  lines.push(
    `  caches differing from a recomputation: exercise_progress ${c.exerciseProgress}, users ${c.users}, logic_challenges ${c.challenges}, attempt_daily_counts ${c.attemptDailyCounts}`,
  );
  lines.push(
    `  learners whose total_points differs from their awards' points (kept as imported): ${report.pointsMismatches}`,
  );
  return lines.join('\n');
};
