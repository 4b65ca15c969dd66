/**
 * The per-learner and admin tables of the import, after users and content: attempts of both kinds,
 * earned badges, recommendations, feedback, analytics events and the audit log.
 */
import { mapAttempt, mapAward, mapRecommendation } from './activity-rows.rules.ts';
import { mapAudit, mapEdtechEventRow, mapFeedback } from './admin-rows.rules.ts';
import { KEY_OF } from './checksums.rules.ts';
import type { LegacyTable, TableCounts } from './import-report.rules.ts';
import type { ImportState } from './import-state.ts';
import { rowNotes } from './legacy-cells.rules.ts';
import {
  insertAuditLogs,
  insertAwards,
  insertChallengeAttempts,
  insertEdtechEvents,
  insertExerciseAttempts,
  insertFeedback,
  insertRecommendations,
} from './legacy-import.repo.ts';
import { runTablePass, type PassOptions } from './table-pass.ts';

export const importActivityTables = async (
  pass: PassOptions,
  state: ImportState,
): Promise<Partial<Record<LegacyTable, TableCounts>>> => {
  const out: Partial<Record<LegacyTable, TableCounts>> = {};

  const attempts = await runTablePass(
    {
      table: 'attempts',
      from: 'attempts',
      map: (row) => mapAttempt('exercise', row, state),
      write: (db, rows) => insertExerciseAttempts(db.prisma, rows),
      key: KEY_OF.attempts,
    },
    pass,
  );
  out.attempts = attempts.counts;
  state.checksums.attempts = attempts.checksum ?? undefined;

  const challengeAttempts = await runTablePass(
    {
      table: 'logic_challenge_attempts',
      from: 'logic_challenge_attempts',
      map: (row) => mapAttempt('challenge', row, state),
      write: (db, rows) => insertChallengeAttempts(db.prisma, rows),
      key: KEY_OF.logic_challenge_attempts,
    },
    pass,
  );
  out.logic_challenge_attempts = challengeAttempts.counts;
  state.checksums.logic_challenge_attempts = challengeAttempts.checksum ?? undefined;

  // C19: a `create_all` legacy database may hold the same badge twice for a learner: the first award
  // (lowest id) is kept, the later ones are rejected and reported.
  const awards = await runTablePass(
    {
      table: 'user_achievements',
      from: 'user_achievements',
      map: (row) => {
        const result = mapAward(row, state);
        if (result.row === null) return result;
        const pair = `${result.row.userId}:${result.row.achievementId}`;
        if (!state.awardPairs.has(pair)) return result;
        const notes = rowNotes('user_achievements', result.row.id);
        notes.reject(
          'duplicate award of the same badge to the same learner (C19)',
          'achievement_id',
          result.row.achievementId,
        );
        return { row: null, findings: notes.findings };
      },
      write: (db, rows) => insertAwards(db.prisma, rows),
      accepted: (row) => state.awardPairs.add(`${row.userId}:${row.achievementId}`),
      key: KEY_OF.user_achievements,
    },
    pass,
  );
  out.user_achievements = awards.counts;
  state.checksums.user_achievements = awards.checksum ?? undefined;

  out.recommendations = (
    await runTablePass(
      {
        table: 'recommendations',
        from: 'recommendations',
        map: (row) => mapRecommendation(row, state),
        write: (db, rows) => insertRecommendations(db.prisma, rows),
      },
      pass,
    )
  ).counts;
  out.feedback_reports = (
    await runTablePass(
      {
        table: 'feedback_reports',
        from: 'feedback_reports',
        map: (row) => mapFeedback(row, state),
        write: (db, rows) => insertFeedback(db.prisma, rows),
      },
      pass,
    )
  ).counts;
  out.edtech_events = (
    await runTablePass(
      {
        table: 'edtech_events',
        from: 'edtech_events',
        map: (row) => mapEdtechEventRow(row, state),
        write: (db, rows) => insertEdtechEvents(db.prisma, rows),
      },
      pass,
    )
  ).counts;
  out.admin_audit_logs = (
    await runTablePass(
      {
        table: 'admin_audit_logs',
        from: 'admin_audit_logs',
        map: (row) => mapAudit(row, state),
        write: (db, rows) => insertAuditLogs(db.prisma, rows),
      },
      pass,
    )
  ).counts;
  return out;
};
