/**
 * The legacy database, read-only. One pg session with `default_transaction_read_only=on` (set at
 * connection start, so every statement of the session is refused a write by the server) and one
 * REPEATABLE READ READ ONLY transaction: every table is read from the same snapshot, even while the
 * legacy is still serving. Tables are read in id order by keyset pages (bounded memory); a column a
 * given installation lacks simply reads as NULL (`SELECT *`).
 */
import pg from 'pg';

import type { SourceRow } from './legacy-cells.rules.ts';

/** `timestamp without time zone` values are UTC (§7.6, §8.5); pg would read them in local time. */
const TIMESTAMP_OID = 1114;
/** `date` values stay `YYYY-MM-DD` text (no time-zone shift). */
const DATE_OID = 1082;

/** The driver's default text parser of a type (typed by oid number). */
const defaultParser = pg.types.getTypeParser as (oid: number) => (text: string) => unknown;

const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number) => {
    if (oid === TIMESTAMP_OID) return (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
    if (oid === DATE_OID) return (text: string) => text;
    return defaultParser(oid);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export interface LegacySource {
  /** Tables present in the source's `public` schema. */
  tables(): Promise<Set<string>>;
  count(table: string): Promise<number>;
  /** Rows of `table` in id order, `batchSize` at a time. */
  pages(table: string, batchSize: number): AsyncGenerator<SourceRow[]>;
  /** Every row of a small query (the e-mail duplicate audit). */
  all(sql: string): Promise<SourceRow[]>;
  close(): Promise<void>;
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Opens the source. `url` is the legacy DATABASE_URL. */
export const openLegacySource = async (
  url: string,
  options: { applicationName?: string } = {},
): Promise<LegacySource> => {
  const client = new pg.Client({
    connectionString: url,
    application_name: options.applicationName ?? 'mathakine-legacy-import',
    connectionTimeoutMillis: 10_000,
    options: '-c default_transaction_read_only=on -c timezone=UTC',
    types: typeParsers,
  });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  } catch (error) {
    await client.end();
    throw error;
  }

  const tables = async () => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name::text AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    return new Set(rows.map((r) => r.name));
  };

  return {
    tables,
    count: async (table) => {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM ${quote(table)}`,
      );
      return Number(rows[0]?.n ?? 0);
    },
    async *pages(table, batchSize) {
      let last = -2_147_483_648;
      for (;;) {
        const { rows } = await client.query<SourceRow>(
          `SELECT * FROM ${quote(table)} WHERE id > $1 ORDER BY id LIMIT $2`,
          [last, batchSize],
        );
        if (rows.length === 0) return;
        yield rows;
        const tail = rows[rows.length - 1]?.id;
        if (typeof tail !== 'number' || rows.length < batchSize) return;
        last = tail;
      }
    },
    all: async (sql) => (await client.query<SourceRow>(sql)).rows,
    close: async () => {
      try {
        await client.query('ROLLBACK');
      } finally {
        await client.end();
      }
    },
  };
};
