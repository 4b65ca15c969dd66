import { createHash } from 'node:crypto';
import type pg from 'pg';

export interface PostgresConnectionSettings {
  url: string;
  /** Upper bound for one statement, enforced by the server (`statement_timeout`). */
  statementTimeoutMs: number;
  /** How long to wait for a TCP connection + authentication. */
  connectionTimeoutMs: number;
  /** Kills a session left idle inside an open transaction (a leaked transaction must not hold locks forever). */
  idleInTransactionTimeoutMs: number;
  applicationName: string;
}

/** Session settings every connection gets: UTC, statement timeout. Passed as startup options, so no extra round trip. */
export const sessionOptions = (statementTimeoutMs: number): string =>
  `-c timezone=UTC -c statement_timeout=${Math.max(0, Math.trunc(statementTimeoutMs))}`;

/** pg pool configuration shared by the Prisma adapter. */
export const postgresPoolConfig = (
  settings: PostgresConnectionSettings & { poolSize: number },
): pg.PoolConfig => ({
  connectionString: settings.url,
  max: settings.poolSize,
  connectionTimeoutMillis: settings.connectionTimeoutMs,
  idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
  application_name: settings.applicationName,
  options: sessionOptions(settings.statementTimeoutMs),
});

/**
 * One raw connection (migrations, drift check, test databases): UTC session, no statement timeout unless
 * given (a migration may legitimately run long).
 */
export const connectPostgres = async (
  url: string,
  options: {
    statementTimeoutMs?: number;
    connectionTimeoutMs?: number;
    applicationName?: string;
  } = {},
): Promise<pg.Client> => {
  const { default: pgDriver } = await import('pg');
  const client = new pgDriver.Client({
    connectionString: url,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    application_name: options.applicationName ?? 'mathakine-migrate',
    options: sessionOptions(options.statementTimeoutMs ?? 0),
  });
  await client.connect();
  return client;
};

/** Replaces the database name in a PostgreSQL URL (test harness: template and per-worker databases). */
export const withDatabaseName = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
};

/** Quotes an identifier for SQL text. */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Distinct statement texts given a name at most: beyond it they run unnamed (memory on both sides stays bounded). */
export const PREPARED_STATEMENTS_MAX = 500;

/**
 * The `statementNameGenerator` of Prisma's pg adapter: a name derived from the SQL text (so one text
 * always gets the same name, on every connection) for the first `max` distinct texts, `''` (unnamed:
 * parsed and planned on each execution) for the rest, e.g. queries whose text varies with an IN list.
 */
export const createStatementNamer = (max: number = PREPARED_STATEMENTS_MAX) => {
  // Known texts by length, then compared: a submit's statements are built afresh each time (5 KB for the
  // attempt statement), and a Map keyed by the text would hash all of it on every lookup (≈ 14 µs for
  // 5 KB, against ≈ 3.5 µs for the comparison: docs/performance.md, tenth round).
  const byLength = new Map<number, { sql: string; name: string }[]>();
  let count = 0;
  return (query: { sql: string }): string => {
    const sameLength = byLength.get(query.sql.length);
    const known = sameLength?.find((entry) => entry.sql === query.sql);
    if (known !== undefined) return known.name;
    if (count >= max) return '';
    const name = `mk_${createHash('sha1').update(query.sql).digest('hex').slice(0, 24)}`;
    if (sameLength === undefined) byLength.set(query.sql.length, [{ sql: query.sql, name }]);
    else sameLength.push({ sql: query.sql, name });
    count += 1;
    return name;
  };
};
