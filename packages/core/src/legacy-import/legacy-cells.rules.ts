/**
 * Reading one legacy row (pure): typed accessors over `SELECT *` records (a column missing from a given
 * installation's DDL reads as NULL), and the per-row finding collector the row mappers share.
 */
import type { Finding, FindingAction, LegacyTable } from './import-report.rules.ts';
import type { Mapped } from './legacy-values.rules.ts';

/** One legacy row as the pg driver returns it. */
export type SourceRow = Readonly<Record<string, unknown>>;

export const str = (row: SourceRow, column: string): string | null => {
  const v = row[column];
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v instanceof Date ? v.toISOString() : JSON.stringify(v);
};

export const int = (row: SourceRow, column: string): number | null => {
  const v = row[column];
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
  return null;
};

export const float = (row: SourceRow, column: string): number | null => {
  const v = row[column];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};

export const bool = (row: SourceRow, column: string): boolean | null => {
  const v = row[column];
  return typeof v === 'boolean' ? v : null;
};

export const date = (row: SourceRow, column: string): Date | null => {
  const v = row[column];
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'string') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
};

/** A `date` column read as its `YYYY-MM-DD` text (the reader keeps dates as text). */
export const day = (row: SourceRow, column: string): string | null => {
  const v = row[column];
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return null;
};

export const json = (row: SourceRow, column: string): unknown => row[column] ?? null;

/** Collects the findings of one row. */
export interface RowNotes {
  readonly findings: Finding[];
  normalised(column: string, from: unknown, to: unknown, reason: string): void;
  dropped(column: string, from: unknown, reason: string): void;
  warning(column: string | null, from: unknown, reason: string): void;
  /** Records the rejection of the whole row; returns null for `return notes.reject(...)`. */
  reject(reason: string, column?: string, from?: unknown): null;
  /** Reports a mapped value's normalisation when it was not canonical; returns the value. */
  mapped<T>(column: string, from: unknown, result: Mapped<T>, reason: string): T;
}

export const rowNotes = (table: LegacyTable, id: number | null): RowNotes => {
  const findings: Finding[] = [];
  const push = (
    action: FindingAction,
    column: string | null,
    reason: string,
    extra: { from?: unknown; to?: unknown },
  ) => {
    findings.push({ table, id, action, column, reason, ...extra });
  };
  return {
    findings,
    normalised: (column, from, to, reason) => {
      push('normalised', column, reason, { from, to });
    },
    dropped: (column, from, reason) => {
      push('dropped', column, reason, { from });
    },
    warning: (column, from, reason) => {
      push('warning', column, reason, { from });
    },
    reject: (reason, column, from) => {
      push('rejected', column ?? null, reason, from === undefined ? {} : { from });
      return null;
    },
    mapped: (column, from, result, reason) => {
      if (!result.canonical) {
        if (result.value === null) push('dropped', column, reason, { from });
        else push('normalised', column, reason, { from, to: result.value });
      }
      return result.value;
    },
  };
};

/** The outcome of mapping one row: the target row, or null when rejected, with its findings. */
export interface RowResult<T> {
  row: T | null;
  findings: Finding[];
}
