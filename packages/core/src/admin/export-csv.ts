import { insertAuditEntry } from '../audit/index.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { Ctx } from '../kernel/deps.ts';
import { ageGroupLabelOf } from '../lib/age-group.ts';
import type { AdminDeps } from './admin-deps.ts';
import {
  exportAttemptsPage,
  exportExercisesPage,
  exportUsersPage,
  type ExportPage,
} from './admin-export.repo.ts';
import { parseAdminInput } from './admin-input.ts';
import { countOverview } from './admin.repo.ts';
import { singleLine } from './admin.rules.ts';
import {
  PERIOD_DAYS,
  ZAdminExportInput,
  type AdminExportDto,
  type AdminExportInput,
  type ExportCell,
  type ExportType,
} from './admin.schemas.ts';

/** Rows read per query. */
export const EXPORT_BATCH_SIZE = 500;

const COLUMNS: Record<ExportType, readonly string[]> = {
  users: ['id', 'username', 'email', 'full_name', 'role', 'is_active', 'created_at'],
  exercises: [
    'id',
    'title',
    'exercise_type',
    'difficulty',
    'age_group',
    'is_archived',
    'created_at',
  ],
  attempts: ['id', 'user_id', 'exercise_id', 'is_correct', 'time_spent', 'created_at'],
  overview: ['metric', 'value', 'period'],
};

type Row = readonly ExportCell[];
type Batch = (page: ExportPage) => Promise<{ id: number; cells: Row }[]>;

const batchOf = (deps: Pick<AdminDeps, 'db'>, type: Exclude<ExportType, 'overview'>): Batch => {
  const db = deps.db.prisma;
  switch (type) {
    case 'users':
      return async (page) =>
        (await exportUsersPage(db, page)).map((u) => ({
          id: u.id,
          cells: [
            u.id,
            u.username,
            u.email,
            u.fullName,
            u.role.toLowerCase(),
            u.isActive,
            u.createdAt,
          ],
        }));
    case 'exercises':
      return async (page) =>
        (await exportExercisesPage(db, page)).map((e) => ({
          id: e.id,
          cells: [
            e.id,
            singleLine(e.title),
            e.exerciseType,
            e.difficulty,
            ageGroupLabelOf(e.ageGroup),
            e.isArchived,
            e.createdAt,
          ],
        }));
    case 'attempts':
      return async (page) =>
        (await exportAttemptsPage(db, page)).map((a) => ({
          id: a.id,
          cells: [
            a.id,
            a.userId,
            a.exerciseId,
            a.isCorrect,
            a.timeSpent ? a.timeSpent : null,
            a.createdAt,
          ],
        }));
  }
};

/** Newest first, batch after batch, stopping at `maxRows`. */
async function* pagedRows(batch: Batch, since: Date | null, maxRows: number): AsyncGenerator<Row> {
  let afterId: number | null = null;
  let written = 0;
  while (written < maxRows) {
    const take = Math.min(EXPORT_BATCH_SIZE, maxRows - written);
    const rows = await batch({ since, afterId, take });
    for (const row of rows) yield row.cells;
    written += rows.length;
    const last = rows.at(-1);
    if (rows.length < take || last === undefined) return;
    afterId = last.id;
  }
}

async function* overviewRows(deps: Pick<AdminDeps, 'db'>, period: string): AsyncGenerator<Row> {
  const counts = await countOverview(deps.db.prisma, { includeArchived: true });
  yield ['total_users', counts.users, period];
  yield ['total_exercises', counts.exercises, period];
  yield ['total_challenges', counts.challenges, period];
  yield ['total_attempts', counts.attempts, period];
}

/**
 * §6.15: the `export_csv` entry is committed first, then the rows are read lazily as the transport
 * writes them: `period` 7d / 30d filters on `created_at`, anything else exports everything; at most
 * `max_export_rows` rows (X19: the setting is enforced). The `overview` counts ignore the period.
 */
export const makeExportCsv =
  (deps: Pick<AdminDeps, 'db' | 'clock' | 'settings'>) =>
  async (ctx: Ctx, input: AdminExportInput): Promise<AdminExportDto> => {
    const admin = requireAdmin(ctx);
    const { type, period } = parseAdminInput(ZAdminExportInput, input);
    const now = deps.clock.now();
    await deps.db.prisma.$transaction(async (tx) => {
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        { action: 'export_csv', resourceType: null, resourceId: null, details: { type, period } },
        now,
      );
    });
    const days = period === '7d' || period === '30d' ? PERIOD_DAYS[period] : null;
    const since = days === null ? null : new Date(now.getTime() - days * 86_400_000);
    const maxRows = await deps.settings.maxExportRows();
    return {
      type,
      period,
      // The raw period names the file, as the legacy did, minus anything a header cannot carry.
      filename: `mathakine_export_${type}_${period.replace(/[^a-z0-9_-]/g, '_')}.csv`,
      columns: COLUMNS[type],
      rows:
        type === 'overview'
          ? overviewRows(deps, period)
          : pagedRows(batchOf(deps, type), since, maxRows),
    };
  };
