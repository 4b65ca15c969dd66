/**
 * `import-legacy`: moves a legacy Python-backend database into ours (issue 16, docs/cut-over.md).
 *   --from <url>        the legacy PostgreSQL URL (read in a read-only session; never written)
 *   --dry-run           map and report every rejected / normalised value; write nothing
 *   --verify            write nothing; compare our database with what the import accepts from the source
 *   --report <file>     write every finding as JSON lines to <file> (else they are printed)
 *   --batch-size <n>    rows per read page and per insert (default 2000)
 * The target is the configured database (DATABASE_URL), migrated beforehand (`migrate`). Exit code 0 when
 * the import (or the verification) is complete and verified, 1 otherwise, 2 on a usage error.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { parseArgs } from 'node:util';

import { createDb, type ManagedDatabase } from '@mathakine/core/db';
import {
  CHECKSUM_COLUMNS,
  formatCountsTable,
  formatFinding,
  formatVerification,
  importLegacy,
  openLegacySource,
  type Finding,
  type ImportProgress,
} from '@mathakine/core/db/legacy-import';

import type { ConfiguredDbOptions } from './db-options.ts';

export const IMPORT_LEGACY_USAGE = `Usage: import-legacy --from <legacy DATABASE_URL> [--dry-run | --verify] [--report <file>] [--batch-size <n>]`;

export interface LegacyImportCommandOptions {
  database: ConfiguredDbOptions;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Wall clock (progress throttling, durations). */
  now?: () => Date;
  /** Seconds between two progress lines of the same table (default 2). */
  progressEverySeconds?: number;
}

const parse = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    options: {
      from: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      report: { type: 'string' },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;

const progressPrinter = (line: (text: string) => void, now: () => Date, everySeconds: number) => {
  const last = new Map<string, number>();
  return (p: ImportProgress) => {
    const t = now().getTime();
    const finished = p.done === p.total;
    const previous = last.get(p.table);
    if (!finished && previous !== undefined && t - previous < everySeconds * 1000) return;
    if (finished && previous === -1) return;
    last.set(p.table, finished ? -1 : t);
    const pct = p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100);
    line(
      `  ${p.table.padEnd(26)} ${String(p.done).padStart(9)} / ${String(p.total).padEnd(9)} ${String(pct).padStart(3)}%`,
    );
  };
};

/** Hides the password of a PostgreSQL URL for display. */
const redact = (url: string): string => {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable URL>';
  }
};

export const runLegacyImportCommand = async (
  argv: readonly string[],
  options: LegacyImportCommandOptions,
): Promise<number> => {
  const out = options.stdout ?? ((text: string) => void process.stdout.write(text));
  const err = options.stderr ?? ((text: string) => void process.stderr.write(text));
  const line = (text: string) => {
    out(`${text}\n`);
  };
  const now = options.now ?? (() => new Date());
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    err(`${e instanceof Error ? e.message : String(e)}\n${IMPORT_LEGACY_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    line(IMPORT_LEGACY_USAGE);
    return 0;
  }
  const batchSize = args['batch-size'] === undefined ? 2000 : Number(args['batch-size']);
  if (
    args.from === undefined ||
    args.from === '' ||
    (args['dry-run'] && args.verify) ||
    !Number.isInteger(batchSize) ||
    batchSize < 1
  ) {
    err(`${IMPORT_LEGACY_USAGE}\n`);
    return 2;
  }
  if (options.database.url === null) {
    err('import-legacy writes into PostgreSQL: set DATABASE_URL to the migrated target database\n');
    return 2;
  }
  const mode = args['dry-run'] ? 'dry-run' : args.verify ? 'verify' : 'import';
  const started = now();
  let report: WriteStream | null = null;
  let db: ManagedDatabase | null = null;
  const source = await openLegacySource(args.from).catch((e: unknown) => {
    err(
      `cannot open the legacy database ${redact(args.from ?? '')}: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return null;
  });
  if (source === null) return 1;
  try {
    // The rebuild of the caches runs set-based statements over every attempt: no statement timeout.
    db = await createDb({
      ...options.database,
      applicationName: 'mathakine-import-legacy',
      poolSize: 2,
      statementTimeoutMs: 0,
    });
    report =
      args.report === undefined ? null : createWriteStream(args.report, { encoding: 'utf8' });
    const onFinding = (f: Finding) => {
      if (report === null) line(`  ${formatFinding(f)}`);
      else report.write(`${JSON.stringify(f)}\n`);
    };
    line(
      `${mode} from ${redact(args.from)} into PostgreSQL (DATABASE_URL), batches of ${batchSize}`,
    );
    const result = await importLegacy({
      source,
      db,
      mode,
      batchSize,
      now: started,
      onFinding,
      onProgress: progressPrinter(line, now, options.progressEverySeconds ?? 2),
    });
    line('');
    line(formatCountsTable(result.counts));
    const f = result.findings;
    line(
      `findings: ${f.rejected} rejected, ${f.normalised} normalised, ${f.dropped} dropped, ${f.warning} warnings${args.report === undefined ? '' : ` (in ${args.report})`}`,
    );
    const skipped = Object.entries(result.skipped).map(([t, n]) => `${t} ${n}`);
    line(
      `not carried over: ${skipped.length === 0 ? 'none' : skipped.join(', ')} (sessions, tokens, notifications, caches and unused tables)`,
    );
    if (result.startersMoved > 0)
      line(`starter challenges moved off legacy ids: ${result.startersMoved}`);
    if (result.caches !== null) {
      const c = result.caches;
      line(
        `caches rebuilt: exercise_progress ${c.exerciseProgress} row(s), users ${c.users}, logic_challenges ${c.challenges}; sequences advanced: ${result.sequencesMoved.join(', ') || 'none'}`,
      );
    }
    if (result.verification !== null) {
      line(formatVerification(result.verification));
      line(
        `checksum columns: ${Object.entries(CHECKSUM_COLUMNS)
          .map(([t, cols]) => `${t}(${cols.join(',')})`)
          .join(' ')}`,
      );
    }
    const seconds = (now().getTime() - started.getTime()) / 1000;
    line(
      `done in ${seconds.toFixed(1)} s, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    return result.verification === null || result.verification.ok ? 0 : 1;
  } catch (e) {
    err(`${mode} failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await source.close();
    if (db !== null) await db.close();
    if (report !== null) {
      const stream = report;
      await new Promise<void>((resolve) => stream.end(resolve));
    }
  }
};
