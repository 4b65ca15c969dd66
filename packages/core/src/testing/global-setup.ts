/**
 * vitest globalSetup for database projects (int, http, int-pg): migrates ONE template database per run so
 * test files clone it instead of re-running migrations.
 * - no DATABASE_URL: an in-memory PGlite, migrated + reference data, dumped to a tarball in a temp folder;
 *   each test file loads it into its own in-memory PGlite;
 * - DATABASE_URL: a template database `mathakine_tpl_<random>` on that server; each test file gets
 *   `CREATE DATABASE … TEMPLATE …`; teardown drops the template and every clone of this run.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

import { loadConfig } from '@mathakine/config';

import { createDb } from '../db/client.ts';
import { inProcessPglite } from '../db/migrate.ts';
import { connectPostgres, quoteIdent, withDatabaseName } from '../db/postgres.ts';
import { migrateDatabase } from '../reference/index.ts';
import { MIGRATIONS_DIR, type TestDbTemplate } from './db.ts';

const setupPglite = async (): Promise<{
  template: TestDbTemplate;
  teardown: () => Promise<void>;
}> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'mathakine-test-db-'));
  const db = await createDb({ dataDir: 'memory://' });
  try {
    await migrateDatabase(db, { migrationsDir: MIGRATIONS_DIR });
    if (db.migrationTarget.kind !== 'pglite') throw new Error('expected an embedded database');
    const dump = await inProcessPglite(db.migrationTarget).dumpDataDir('none');
    const tarballPath = path.join(dir, 'template.tar');
    await writeFile(tarballPath, Buffer.from(await dump.arrayBuffer()));
    return {
      template: { kind: 'pglite', tarballPath },
      teardown: () => rm(dir, { recursive: true, force: true }),
    };
  } finally {
    await db.close();
  }
};

const setupPostgres = async (
  url: string,
): Promise<{ template: TestDbTemplate; teardown: () => Promise<void> }> => {
  const run = randomBytes(4).toString('hex');
  const template = `mathakine_tpl_${run}`;
  const prefix = `mathakine_t_${run}_`;
  const admin = await connectPostgres(url, { applicationName: 'mathakine-test-harness' });
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(template)}`);
  } finally {
    await admin.end();
  }
  const db = await createDb({ url: withDatabaseName(url, template), poolSize: 2 });
  try {
    await migrateDatabase(db, { migrationsDir: MIGRATIONS_DIR });
  } finally {
    await db.close(); // a template must have no open connection while it is cloned
  }
  const teardown = async () => {
    const client = await connectPostgres(url, { applicationName: 'mathakine-test-harness' });
    try {
      const rows = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)`,
        [template, prefix],
      );
      for (const { datname } of rows.rows) {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
      }
    } finally {
      await client.end();
    }
  };
  return { template: { kind: 'postgres', url, template, prefix }, teardown };
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = loadConfig().database.url;
  const { template, teardown } = url === null ? await setupPglite() : await setupPostgres(url);
  project.provide('mathakineTestDb', template);
  return teardown;
}
