/**
 * The import's reference-like tables, matched by key rather than written blindly: the badge catalogue
 * (by code), the pinned badges (a JSON array on the legacy user row, C5) and the settings (by key).
 */
import { mapSetting } from './admin-rows.rules.ts';
import { mapAchievement } from './content-rows.rules.ts';
import { countRow, emptyCounts, type TableCounts } from './import-report.rules.ts';
import type { ImportState } from './import-state.ts';
import { int, json, rowNotes } from './legacy-cells.rules.ts';
import {
  findBadgeIds,
  findBadgesByCode,
  insertBadge,
  insertPinnedBadges,
  setBadgeActive,
  upsertSetting,
} from './legacy-import.repo.ts';
import { mapPinnedBadgeIds } from './legacy-values.rules.ts';
import type { PassOptions } from './table-pass.ts';

/**
 * Badges (a small table, read at once). A legacy code our catalogue has maps to our row (its text is
 * the catalogue's; the legacy `is_active`, an admin's choice, is carried over); another code is
 * inserted, with its legacy id when that id is free.
 */
export const importBadges = async (pass: PassOptions, state: ImportState): Promise<TableCounts> => {
  const counts = emptyCounts();
  if (!(await pass.source.tables()).has('achievements')) return counts;
  const rows = await pass.source.all('SELECT * FROM achievements ORDER BY id');
  pass.onProgress({ table: 'achievements', done: 0, total: rows.length });
  const mapped = rows.map((row) => mapAchievement(row, state));
  const codes = mapped.flatMap((m) => (m.row === null ? [] : [m.row.code]));
  const ours = new Map((await findBadgesByCode(pass.db.prisma, codes)).map((b) => [b.code, b]));
  const takenIds = await findBadgeIds(
    pass.db.prisma,
    mapped.flatMap((m) => (m.row === null ? [] : [m.row.id])),
  );
  for (const { row, findings } of mapped) {
    for (const f of findings) pass.onFinding(f);
    countRow(counts, findings, row !== null);
    if (row === null) continue;
    counts.maxAcceptedId = Math.max(counts.maxAcceptedId, row.id);
    const existing = ours.get(row.code);
    if (existing !== undefined) {
      state.achievements.set(row.id, { id: existing.id, pointsReward: existing.pointsReward });
      if (existing.isActive !== row.isActive) {
        if (!pass.dryRun) await setBadgeActive(pass.db.prisma, existing.id, row.isActive);
        counts.updated += 1;
      }
      continue;
    }
    if (pass.dryRun) {
      state.achievements.set(row.id, { id: row.id, pointsReward: row.pointsReward });
      continue;
    }
    const created = await insertBadge(pass.db.prisma, row, !takenIds.has(row.id));
    if (created.id !== row.id) {
      pass.onFinding({
        table: 'achievements',
        id: row.id,
        action: 'normalised',
        column: 'id',
        from: row.id,
        to: created.id,
        reason: 'legacy badge id taken by our catalogue: new id',
      });
    }
    state.achievements.set(row.id, created);
    counts.inserted += 1;
  }
  pass.onProgress({ table: 'achievements', done: rows.length, total: rows.length });
  return counts;
};

/**
 * Pinned badges (C5): `users.pinned_badge_ids`, re-read by page after the awards. An id that is not a
 * badge this learner earned (in this import) is dropped and reported; order gives the position.
 */
export const importPinnedBadges = async (
  pass: PassOptions,
  state: ImportState,
): Promise<TableCounts> => {
  const counts = emptyCounts();
  if (!(await pass.source.tables()).has('users')) return counts;
  for await (const page of pass.source.pages('users', pass.batchSize)) {
    const batch: { userId: number; achievementId: number; position: number }[] = [];
    for (const row of page) {
      const userId = int(row, 'id');
      const raw = json(row, 'pinned_badge_ids');
      if (userId === null || raw === null || !state.users.has(userId)) continue;
      const notes = rowNotes('user_pinned_badges', userId);
      const { ids, dropped } = mapPinnedBadgeIds(raw);
      for (const value of dropped) {
        notes.dropped('pinned_badge_ids', value, 'not a badge id, a duplicate, or beyond 3 pins');
      }
      let position = 0;
      for (const legacyId of ids) {
        const badge = state.achievements.get(legacyId);
        if (badge === undefined || !state.awardPairs.has(`${userId}:${badge.id}`)) {
          notes.dropped('pinned_badge_ids', legacyId, 'pinned badge not earned by this learner');
          continue;
        }
        position += 1;
        batch.push({ userId, achievementId: badge.id, position });
      }
      for (const f of notes.findings) pass.onFinding(f);
      // Counted per pinned id: kept ones are accepted, the others rejected.
      const listed = ids.length + dropped.length;
      counts.source += listed;
      counts.accepted += position;
      counts.rejected += listed - position;
    }
    if (!pass.dryRun && batch.length > 0) {
      counts.inserted += await insertPinnedBadges(pass.db.prisma, batch);
    }
  }
  return counts;
};

/** Settings, by key: the legacy admin's stored value replaces our default. */
export const importSettings = async (
  pass: PassOptions,
  state: ImportState,
): Promise<TableCounts> => {
  const counts = emptyCounts();
  if (!(await pass.source.tables()).has('settings')) return counts;
  const rows = await pass.source.all('SELECT * FROM settings ORDER BY id');
  for (const source of rows) {
    const { row, findings } = mapSetting(source, state);
    for (const f of findings) pass.onFinding(f);
    countRow(counts, findings, row !== null);
    if (row === null || pass.dryRun) continue;
    const outcome = await upsertSetting(pass.db.prisma, row);
    if (outcome === 'inserted') counts.inserted += 1;
    if (outcome === 'updated') counts.updated += 1;
  }
  return counts;
};
