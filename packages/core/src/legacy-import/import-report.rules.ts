/**
 * What the import reports (pure): per-table counts, the findings (every rejected, normalised or dropped
 * value with its reason) and the checksums of key columns.
 */
export const LEGACY_TABLES = [
  'achievements',
  'users',
  'exercises',
  'logic_challenges',
  'attempts',
  'logic_challenge_attempts',
  'user_achievements',
  'user_pinned_badges',
  'recommendations',
  'settings',
  'feedback_reports',
  'edtech_events',
  'admin_audit_logs',
] as const;
export type LegacyTable = (typeof LEGACY_TABLES)[number];

/** Legacy tables read by nobody (§1.10–1.11, §1.16–1.19): not carried over, counted in the report. */
export const SKIPPED_TABLES = [
  'user_sessions',
  'notifications',
  'progress',
  'results',
  'statistics',
  'user_stats',
  'schema_version',
] as const;

export type FindingAction = 'rejected' | 'normalised' | 'dropped' | 'warning';

export interface Finding {
  table: LegacyTable;
  /** Legacy row id (null for rows without one). */
  id: number | null;
  action: FindingAction;
  /** The column concerned; null for a whole-row finding (rejected). */
  column: string | null;
  /** The legacy value (as read). */
  from?: unknown;
  /** What was written instead (normalised). */
  to?: unknown;
  reason: string;
}

export interface TableCounts {
  /** Rows read from the source. */
  source: number;
  /** Rows the mapping accepted (written, or already present from an earlier run). */
  accepted: number;
  /** Rows inserted by this run (0 in a dry run and on a re-run). */
  inserted: number;
  /** Rows updated by this run (reference rows matched by key). */
  updated: number;
  rejected: number;
  /** Rows with at least one normalised or dropped value. */
  normalised: number;
  /** Highest legacy id accepted (the verification counts our rows up to it). */
  maxAcceptedId: number;
}

export const emptyCounts = (): TableCounts => ({
  source: 0,
  accepted: 0,
  inserted: 0,
  updated: 0,
  rejected: 0,
  normalised: 0,
  maxAcceptedId: 0,
});

/** Adds one mapped row's outcome to the table's counts. */
export const countRow = (counts: TableCounts, findings: readonly Finding[], accepted: boolean) => {
  counts.source += 1;
  if (accepted) counts.accepted += 1;
  else counts.rejected += 1;
  if (accepted && findings.some((f) => f.action === 'normalised' || f.action === 'dropped')) {
    counts.normalised += 1;
  }
};

const pad = (text: string, width: number) => text.padEnd(width);
const num = (n: number, width = 9) => String(n).padStart(width);

/** The final per-table report, as terminal text. */
export const formatCountsTable = (counts: Readonly<Record<LegacyTable, TableCounts>>): string => {
  const lines = [
    `${pad('table', 26)}${'source'.padStart(9)}${'accepted'.padStart(9)}${'inserted'.padStart(9)}${'updated'.padStart(9)}${'rejected'.padStart(9)}${'normalis.'.padStart(10)}`,
  ];
  for (const table of LEGACY_TABLES) {
    const c = counts[table];
    lines.push(
      `${pad(table, 26)}${num(c.source)}${num(c.accepted)}${num(c.inserted)}${num(c.updated)}${num(c.rejected)}${num(c.normalised, 10)}`,
    );
  }
  return lines.join('\n');
};

/** A finding as one line of the report (values as JSON, cut at 120 characters). */
export const formatFinding = (f: Finding): string => {
  const show = (v: unknown) => {
    const text = v === undefined ? 'undefined' : JSON.stringify(v);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  };
  const where = `${f.table}#${f.id ?? '-'}${f.column === null ? '' : `.${f.column}`}`;
  const change =
    f.action === 'normalised'
      ? ` ${show(f.from)} -> ${show(f.to)}`
      : f.from === undefined
        ? ''
        : ` ${show(f.from)}`;
  return `${f.action.padEnd(10)} ${where}${change}: ${f.reason}`;
};
