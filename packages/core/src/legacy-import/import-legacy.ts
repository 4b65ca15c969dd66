/**
 * The legacy import (issue 16): reads a legacy Alpha-2 database through `LegacySource` (read-only) and
 * writes our schema in FK order, ids kept. Safe to re-run: every write skips what is already there, the
 * caches are rebuilt only where they differ, sequences only move forward. A dry run maps and reports
 * every row without writing. Not carried over: sessions, refresh/verification/reset tokens, notifications
 * (never written by the legacy), the `progress` cache (rebuilt from the attempts) and the unused legacy
 * tables (§1.16–1.19); they are counted in the report.
 *
 * Not one transaction: a production import is millions of rows. Each batch is one statement; an
 * interrupted run is resumed by running it again.
 */
import type { Database } from '../db/types.ts';
import { applyReferenceData } from '../reference/index.ts';
import { KEY_OF } from './checksums.rules.ts';
import { mapChallenge, mapExercise } from './content-rows.rules.ts';
import { advanceSequences, rebuildDerivedCaches, type CacheCounts } from './derived-caches.repo.ts';
import { importActivityTables } from './import-activity.ts';
import { importBadges, importPinnedBadges, importSettings } from './import-reference.ts';
import {
  emptyCounts,
  LEGACY_TABLES,
  SKIPPED_TABLES,
  type Finding,
  type LegacyTable,
  type TableCounts,
} from './import-report.rules.ts';
import { newImportState } from './import-state.ts';
import {
  deleteChallenges,
  findStarterCollisions,
  findTargetUsers,
  insertChallenges,
  insertExercises,
  insertUsers,
} from './legacy-import.repo.ts';
import type { LegacySource } from './legacy-source.ts';
import { runTablePass, type ImportProgress, type PassOptions } from './table-pass.ts';
import { mapUser, resolveDuplicateEmails, type EmailOwner } from './user-rows.rules.ts';
import { verifyTarget, type VerificationReport } from './verify-import.ts';

export interface ImportLegacyOptions {
  source: LegacySource;
  db: Database;
  /**
   * `import` (default) writes; `dry-run` maps and reports, writing nothing; `verify` writes nothing and
   * compares our database with what an import of this source accepts.
   */
  mode?: 'import' | 'dry-run' | 'verify';
  /** Rows per read page and per write statement (default 2000). */
  batchSize?: number;
  /** Start of the import (fallback for missing legacy dates). */
  now: Date;
  onProgress?: (progress: ImportProgress) => void;
  /** Every rejected / normalised / dropped value, as found (streamed: never all held in memory). */
  onFinding?: (finding: Finding) => void;
}

export interface ImportLegacyResult {
  mode: 'import' | 'dry-run' | 'verify';
  counts: Record<LegacyTable, TableCounts>;
  findings: Record<Finding['action'], number>;
  /** Rows of legacy tables that are deliberately not carried over. */
  skipped: Record<string, number>;
  /** Starter challenges moved off legacy ids (re-added with new ids). */
  startersMoved: number;
  caches: CacheCounts | null;
  sequencesMoved: string[];
  verification: VerificationReport | null;
}

export class LegacyImportConflictError extends Error {}

const asEmailOwner = (row: Record<string, unknown>): EmailOwner | null =>
  typeof row.id === 'number' && typeof row.email === 'string'
    ? { id: row.id, email: row.email, isEmailVerified: row.is_email_verified === true }
    : null;

/**
 * Refuses a target that holds other accounts where the legacy ones go (e.g. an administrator made with
 * `create-admin` before the import): ids, usernames and e-mails must be free or hold the same account.
 */
const preflightUsers = async (
  db: Database,
  legacy: readonly { id: number; username: string; email: string }[],
) => {
  const target = await findTargetUsers(db.prisma);
  if (target.length === 0) return;
  const byId = new Map(target.map((u) => [u.id, u]));
  const byName = new Map(target.map((u) => [u.username, u.id]));
  const byEmail = new Map(target.map((u) => [u.email, u.id]));
  const conflicts: string[] = [];
  for (const u of legacy) {
    const same = byId.get(u.id);
    if (same !== undefined && same.username !== u.username) {
      conflicts.push(`id ${u.id} holds "${same.username}", legacy "${u.username}"`);
    }
    const nameAt = byName.get(u.username);
    if (nameAt !== undefined && nameAt !== u.id)
      conflicts.push(`username "${u.username}" is #${nameAt}`);
    const mailAt = byEmail.get(u.email);
    if (mailAt !== undefined && mailAt !== u.id)
      conflicts.push(`e-mail of legacy #${u.id} is #${mailAt}`);
  }
  if (conflicts.length > 0) {
    throw new LegacyImportConflictError(
      `the target database already holds other accounts (${conflicts.length} conflict(s), e.g. ${conflicts.slice(0, 3).join('; ')}): import into a freshly migrated database`,
    );
  }
};

export const importLegacy = async (options: ImportLegacyOptions): Promise<ImportLegacyResult> => {
  const { source, db, now } = options;
  const mode = options.mode ?? 'import';
  const dryRun = mode !== 'import';
  const findings: Record<Finding['action'], number> = {
    rejected: 0,
    normalised: 0,
    dropped: 0,
    warning: 0,
  };
  const pass: PassOptions = {
    source,
    db,
    dryRun,
    batchSize: options.batchSize ?? 2000,
    onProgress: options.onProgress ?? (() => undefined),
    onFinding: (f) => {
      findings[f.action] += 1;
      options.onFinding?.(f);
    },
  };
  const counts = Object.fromEntries(LEGACY_TABLES.map((t) => [t, emptyCounts()])) as Record<
    LegacyTable,
    TableCounts
  >;
  const tables = await source.tables();
  const state = newImportState(now);

  // Badges first: awards and pins refer to them (matched by code to our catalogue).
  counts.achievements = await importBadges(pass, state);

  // Users: duplicate e-mails resolved over the whole table first.
  const owners = tables.has('users')
    ? (await source.all('SELECT id, email, is_email_verified, username FROM users')).flatMap(
        (r) => {
          const o = asEmailOwner(r);
          return o === null ? [] : [{ ...o, username: String(r.username) }];
        },
      )
    : [];
  const emailRewrites = resolveDuplicateEmails(owners);
  if (!dryRun) {
    await preflightUsers(
      db,
      owners.map((o) => ({ ...o, email: emailRewrites.get(o.id) ?? o.email.trim().toLowerCase() })),
    );
  }
  const users = await runTablePass(
    {
      table: 'users',
      from: 'users',
      map: (row) => mapUser(row, { emailRewrites, now }),
      write: (d, rows) => insertUsers(d.prisma, rows),
      accepted: (row) => state.users.add(row.id),
      key: KEY_OF.users,
    },
    pass,
  );
  counts.users = users.counts;
  state.checksums.users = users.checksum ?? undefined;

  const exercises = await runTablePass(
    {
      table: 'exercises',
      from: 'exercises',
      map: (row) => mapExercise(row, { users: state.users, now }),
      write: (d, rows) => insertExercises(d.prisma, rows),
      accepted: (row) => state.exercises.add(row.id),
      key: KEY_OF.exercises,
    },
    pass,
  );
  counts.exercises = exercises.counts;
  state.checksums.exercises = exercises.checksum ?? undefined;

  // Our starter catalogue may sit on the legacy challenge ids: move the unplayed ones out of the way.
  let startersMoved = 0;
  if (tables.has('logic_challenges')) {
    const legacyIds = (await source.all('SELECT id FROM logic_challenges')).map((r) =>
      Number(r.id),
    );
    const collisions = await findStarterCollisions(db.prisma, legacyIds);
    const played = collisions.filter((c) => c.attemptCount > 0);
    if (played.length > 0 && !dryRun) {
      throw new LegacyImportConflictError(
        `starter challenges already played sit on legacy challenge ids (${played.map((c) => c.id).join(', ')})`,
      );
    }
    startersMoved = collisions.length;
    if (!dryRun && collisions.length > 0) {
      await deleteChallenges(
        db.prisma,
        collisions.map((c) => c.id),
      );
    }
  }
  const challenges = await runTablePass(
    {
      table: 'logic_challenges',
      from: 'logic_challenges',
      map: (row) => mapChallenge(row, { users: state.users, now }),
      write: (d, rows) => insertChallenges(d.prisma, rows),
      accepted: (row) => state.challenges.add(row.id),
      key: KEY_OF.logic_challenges,
    },
    pass,
  );
  counts.logic_challenges = challenges.counts;
  state.checksums.logic_challenges = challenges.checksum ?? undefined;

  Object.assign(counts, await importActivityTables(pass, state));
  counts.user_pinned_badges = await importPinnedBadges(pass, state);
  counts.settings = await importSettings(pass, state);

  const skipped: Record<string, number> = {};
  for (const table of SKIPPED_TABLES) {
    if (tables.has(table)) skipped[table] = await source.count(table);
  }

  const base = { mode, counts, findings, skipped, startersMoved };
  if (mode === 'dry-run') return { ...base, caches: null, sequencesMoved: [], verification: null };
  if (mode === 'verify') {
    const verification = await verifyTarget(db, counts, state.checksums);
    return { ...base, caches: null, sequencesMoved: [], verification };
  }
  const caches = await rebuildDerivedCaches(db.prisma);
  const sequencesMoved = await advanceSequences(db.prisma);
  // Re-adds the starter challenges moved above (new ids, past the legacy ones); a no-op otherwise.
  await applyReferenceData(db.prisma);
  const verification = await verifyTarget(db, counts, state.checksums);
  return { ...base, caches, sequencesMoved, verification };
};
