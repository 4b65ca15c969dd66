import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { createEmptyDatabase, MIGRATIONS_DIR, type EmptyDatabase } from '../testing/index.ts';
import { checkDrift, formatDriftReport, runDriftCheck, type DriftReport } from './drift.ts';
import { createMigrator, openSqlSession, type MigrationTarget } from './migrate.ts';

const REPO_PRISMA = path.dirname(MIGRATIONS_DIR);
const FIXTURES = path.resolve(import.meta.dirname, '__fixtures__');
const fixtureCheck = {
  schemaPath: path.join(FIXTURES, 'schema.prisma'),
  allowlistPath: path.join(FIXTURES, 'drift-allowlist.json'),
};

const opened: EmptyDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.dispose()));
});

/** A fresh database migrated with the fixture migrations. */
const fixtureDb = async (): Promise<MigrationTarget> => {
  const db = await createEmptyDatabase();
  opened.push(db);
  await createMigrator(db.target, { migrationsDir: path.join(FIXTURES, 'migrations') }).up();
  return db.target;
};

const exec = async (target: MigrationTarget, sql: string): Promise<void> => {
  const session = await openSqlSession(target);
  try {
    await session.exec(sql);
  } finally {
    await session.close();
  }
};

const check = async (target: MigrationTarget): Promise<DriftReport> => {
  const session = await openSqlSession(target);
  try {
    return await checkDrift(session, fixtureCheck);
  } finally {
    await session.close();
  }
};

const objects = (report: DriftReport): string[] => report.issues.map((i) => i.object);

describe('drift check', () => {
  it('passes on the real migrations against prisma/schema.prisma (what `pnpm db:check` runs)', async () => {
    const db = await createEmptyDatabase();
    opened.push(db);
    await createMigrator(db.target, { migrationsDir: MIGRATIONS_DIR }).up();
    const session = await openSqlSession(db.target);
    try {
      const report = await checkDrift(session, {
        schemaPath: path.join(REPO_PRISMA, 'schema.prisma'),
        allowlistPath: path.join(REPO_PRISMA, 'drift-allowlist.json'),
      });
      expect(report.issues, formatDriftReport(report)).toEqual([]);
      expect(report.ok).toBe(true);
    } finally {
      await session.close();
    }
  });

  it('passes on the fixture migrations, the CHECK constraint being allow-listed', async () => {
    const report = await check(await fixtureDb());
    expect(report.issues).toEqual([]);
    expect(report.allowed).toEqual([
      'check learners.learners_points_check: points are never negative (Prisma cannot express CHECK)',
    ]);
  });

  it('catches a deliberately drifted column (type and nullability), naming it', async () => {
    const target = await fixtureDb();
    await exec(
      target,
      'ALTER TABLE learners ALTER COLUMN username TYPE varchar(80); ALTER TABLE attempts ALTER COLUMN answer DROP NOT NULL;',
    );
    const report = await check(target);
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([
      {
        object: 'column learners.username',
        message:
          'type is character varying(80), schema says character varying(50) (field Learner.username)',
      },
      {
        object: 'column attempts.answer',
        message: 'is NULL, schema says required (NOT NULL) (field Attempt.answer)',
      },
    ]);
    const text = formatDriftReport(report);
    expect(text).toContain('Drift check FAILED: 2 difference(s)');
    expect(text).toContain('✗ column learners.username: type is character varying(80)');
  });

  it('reports an undeclared index, column, table, check and a changed default / enum / foreign key', async () => {
    const target = await fixtureDb();
    await exec(
      target,
      `CREATE INDEX learners_points_idx ON learners (points);
       ALTER TABLE learners ADD COLUMN nickname text;
       CREATE TABLE scratch (id integer);
       ALTER TABLE attempts ADD CONSTRAINT attempts_answer_check CHECK (answer <> '');
       ALTER TABLE learners ALTER COLUMN points SET DEFAULT 5;
       ALTER TYPE learner_role ADD VALUE 'gardien';
       ALTER TABLE attempts DROP CONSTRAINT attempts_learner_id_fkey;
       ALTER TABLE attempts ADD CONSTRAINT attempts_learner_id_fkey FOREIGN KEY (learner_id) REFERENCES learners(id) ON DELETE RESTRICT ON UPDATE CASCADE;
       DROP INDEX attempts_learner_id_is_correct_idx;
       CREATE INDEX attempts_learner_id_is_correct_idx ON attempts (learner_id DESC, is_correct);`,
    );
    const report = await check(target);
    expect(objects(report)).toEqual(
      expect.arrayContaining([
        'index learners_points_idx',
        'column learners.nickname',
        'table scratch',
        'check attempts.attempts_answer_check',
        'column learners.points',
        'enum learner_role',
        'foreign key attempts(learner_id) → learners(id)',
        'index attempts(learner_id, is_correct)',
      ]),
    );
    expect(report.issues.find((i) => i.object === 'index learners_points_idx')?.message).toMatch(
      /exists in the database but not in the schema/,
    );
    expect(report.issues.find((i) => i.object.startsWith('foreign key'))?.message).toBe(
      'ON DELETE is Restrict, schema says Cascade',
    );
  });

  it('runDriftCheck migrates a fresh database and prints the report (the CLI path)', async () => {
    const lines: string[] = [];
    const db = await createEmptyDatabase();
    opened.push(db);
    const report = await runDriftCheck({
      ...fixtureCheck,
      database: { url: db.url, dataDir: 'memory://' },
      current: false,
      migrationsDir: path.join(FIXTURES, 'migrations'),
      onProgress: (l) => lines.push(l),
    });
    expect(report.ok).toBe(true);
    expect(lines.join('\n')).toContain('Drift check passed');
  });
});
