/**
 * One pass over a legacy table: keyset pages from the source, each row through its pure mapper, the
 * accepted rows written in one batch statement (skipped in a dry run), counts, findings and the key
 * checksum updated as it goes. Memory holds one page at a time.
 */
import type { Database } from '../db/types.ts';
import { runningChecksum, type RunningChecksum } from './checksums.rules.ts';
import {
  countRow,
  emptyCounts,
  type Finding,
  type LegacyTable,
  type TableCounts,
} from './import-report.rules.ts';
import type { RowResult, SourceRow } from './legacy-cells.rules.ts';
import type { LegacySource } from './legacy-source.ts';

export interface ImportProgress {
  table: LegacyTable;
  /** Source rows processed so far. */
  done: number;
  /** Source rows in the table. */
  total: number;
}

export interface PassOptions {
  source: LegacySource;
  db: Database;
  dryRun: boolean;
  batchSize: number;
  onProgress: (progress: ImportProgress) => void;
  onFinding: (finding: Finding) => void;
}

export interface TablePass<T> {
  table: LegacyTable;
  /** Legacy table name (usually the same). */
  from: string;
  map: (row: SourceRow) => RowResult<T>;
  /** Writes one batch of accepted rows; returns the rows inserted. */
  write: (db: Database, rows: T[]) => Promise<number>;
  /** Called for each accepted row, in id order (id sets, checksums). */
  accepted?: (row: T) => void;
  /** Key values of the checksum, if the table has one. */
  key?: (row: T) => (string | number | boolean | Date | null)[];
}

export interface PassResult {
  counts: TableCounts;
  checksum: RunningChecksum | null;
}

export const runTablePass = async <T>(
  pass: TablePass<T>,
  options: PassOptions,
): Promise<PassResult> => {
  const counts = emptyCounts();
  const checksum = pass.key === undefined ? null : runningChecksum();
  const tables = await options.source.tables();
  if (!tables.has(pass.from)) return { counts, checksum };
  const total = await options.source.count(pass.from);
  options.onProgress({ table: pass.table, done: 0, total });
  for await (const page of options.source.pages(pass.from, options.batchSize)) {
    const batch: T[] = [];
    for (const source of page) {
      const result = pass.map(source);
      for (const finding of result.findings) options.onFinding(finding);
      countRow(counts, result.findings, result.row !== null);
      if (result.row === null) continue;
      batch.push(result.row);
      const id = (result.row as { id?: unknown }).id;
      if (typeof id === 'number' && id > counts.maxAcceptedId) counts.maxAcceptedId = id;
      pass.accepted?.(result.row);
      if (checksum !== null && pass.key !== undefined) checksum.add(pass.key(result.row));
    }
    if (!options.dryRun && batch.length > 0) counts.inserted += await pass.write(options.db, batch);
    options.onProgress({ table: pass.table, done: counts.source, total });
  }
  return { counts, checksum };
};
