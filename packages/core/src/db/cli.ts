/**
 * Database CLI: `pnpm db:migrate`, `db:rollback [n]`, `db:status`, `db:check`, `db:seed:demo`
 * (root package.json → `pnpm --filter @mathakine/core cli <command>`).
 *
 * `runCli` is also what the server bundle's `migrate` entry calls (the deploy step, runnable without dev
 * tools): the caller passes the migrations folder and the database settings, nothing here reads the
 * environment or guesses paths. Only `check` (drift, needs @prisma/get-dmmf) and `seed-demo` are dev tools;
 * they are loaded on demand.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { applyReferenceData } from '../reference/index.ts';
import { createDb, type ManagedDatabase } from './client.ts';
import type * as DriftModule from './drift.ts';
import type { DriftReport, RunDriftCheckOptions } from './drift.ts';
import type { PrismaClient } from './generated/client.ts';
import { createMigrator, formatStatus, type MigrationRunResult } from './migrate.ts';

export interface CliDatabaseSettings {
  /** null → embedded PGlite under dataDir. */
  url: string | null;
  dataDir: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  transactionTimeoutMs?: number;
  transactionMaxWaitMs?: number;
  connectTimeoutMs?: number;
}

export interface RunCliOptions {
  database: CliDatabaseSettings;
  /** `prisma/migrations` (source tree) or the copy shipped next to the bundle. */
  migrationsDir: string;
  /** `prisma/schema.prisma`: needed by `check` only. */
  schemaPath?: string;
  /** `prisma/drift-allowlist.json`: `check` only (missing file = empty allow-list). */
  allowlistPath?: string;
  /**
   * The drift check (`check`), a dev tool passed in by the source-tree entry point so bundles that import
   * runCli (the deploy-time `migrate`) never pull in @prisma/get-dmmf.
   */
  runDriftCheck?: (options: RunDriftCheckOptions) => Promise<DriftReport>;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

export const CLI_USAGE = `Usage: cli <command>
  migrate            apply pending migrations, then the reference data (badge catalogue, default settings)
  rollback [n]       revert the last n applied migrations (default 1) with their down.sql
  status             list applied / pending / changed / missing migrations
  check [--current]  drift check: migrate a fresh empty database and compare it with prisma/schema.prisma
                     (--current: check the configured database as it is)
  seed-demo          insert a few demo learners, exercises and challenges (development only)`;

const openDb = (settings: CliDatabaseSettings): Promise<ManagedDatabase> =>
  createDb({
    url: settings.url,
    dataDir: settings.dataDir,
    applicationName: 'mathakine-cli',
    ...(settings.poolSize === undefined ? {} : { poolSize: Math.min(settings.poolSize, 2) }),
    ...(settings.statementTimeoutMs === undefined
      ? {}
      : { statementTimeoutMs: settings.statementTimeoutMs }),
    ...(settings.transactionTimeoutMs === undefined
      ? {}
      : { transactionTimeoutMs: Math.max(settings.transactionTimeoutMs, 60_000) }),
    ...(settings.transactionMaxWaitMs === undefined
      ? {}
      : { transactionMaxWaitMs: settings.transactionMaxWaitMs }),
    ...(settings.connectTimeoutMs === undefined
      ? {}
      : { connectionTimeoutMs: settings.connectTimeoutMs }),
  });

export interface MigrateDatabaseResult extends MigrationRunResult {
  reference: Awaited<ReturnType<typeof applyReferenceData>>;
}

/**
 * Applies pending migrations, then the reference data (idempotent). Used by the CLI, by the embedded
 * default on server start (the only database that migrates itself) and by the test harness.
 */
export const migrateDatabase = async (
  db: ManagedDatabase,
  options: { migrationsDir: string; onProgress?: (line: string) => void },
): Promise<MigrateDatabaseResult> => {
  const migrator = createMigrator(db.migrationTarget, {
    migrationsDir: options.migrationsDir,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const result = await migrator.up();
  const reference = await applyReferenceData(db.prisma);
  return { ...result, reference };
};

/** bcrypt (cost 12) of DEMO_PASSWORD: the demo accounts can log in without the CLI hashing anything. */
const DEMO_PASSWORD = 'demo-padawan-2026';
const DEMO_PASSWORD_HASH = '$2b$12$W5mdCsEwDwIXHSmqOPQMteHDie/S.4yNguyTTOIin3t9d0JyqSNOq';

/** Development data: a few learners, exercises and challenges. Idempotent (skips existing demo rows); never used by tests. */
export const seedDemo = async (prisma: PrismaClient): Promise<string> => {
  const learners = ['demo_padawan', 'demo_maitre', 'demo_gardien'] as const;
  const roles = {
    demo_padawan: 'PADAWAN',
    demo_maitre: 'MAITRE',
    demo_gardien: 'GARDIEN',
  } as const;
  let users = 0;
  for (const username of learners) {
    const existing = await prisma.user.findUnique({ where: { username }, select: { id: true } });
    if (existing !== null) continue;
    await prisma.user.create({
      data: {
        username,
        email: `${username}@demo.mathakine.local`,
        hashedPassword: DEMO_PASSWORD_HASH,
        role: roles[username],
        isEmailVerified: true,
      },
      select: { id: true },
    });
    users += 1;
  }
  const exercises = [
    {
      title: 'Démo : addition spatiale',
      exerciseType: 'ADDITION',
      difficulty: 'INITIE',
      ageGroup: 'GROUP_6_8',
      question: 'Combien font 7 + 5 ?',
      correctAnswer: '12',
    },
    {
      title: 'Démo : soustraction',
      exerciseType: 'SOUSTRACTION',
      difficulty: 'PADAWAN',
      ageGroup: 'GROUP_9_11',
      question: 'Combien font 42 - 17 ?',
      correctAnswer: '25',
    },
    {
      title: 'Démo : multiplication',
      exerciseType: 'MULTIPLICATION',
      difficulty: 'CHEVALIER',
      ageGroup: 'GROUP_9_11',
      question: 'Combien font 8 × 7 ?',
      correctAnswer: '56',
    },
  ] as const;
  let exerciseCount = 0;
  for (const e of exercises) {
    if (
      (await prisma.exercise.findFirst({ where: { title: e.title }, select: { id: true } })) !==
      null
    )
      continue;
    await prisma.exercise.create({ data: { ...e, answerKind: 'INTEGER' }, select: { id: true } });
    exerciseCount += 1;
  }
  const challenges = [
    {
      title: 'Démo : suite logique',
      description: 'Trouve le nombre suivant de la suite.',
      challengeType: 'SEQUENCE',
      ageGroup: 'GROUP_9_11',
      difficulty: 'PADAWAN',
      question: '2, 4, 8, 16, ?',
      correctAnswer: '32',
      solutionExplanation: 'Chaque nombre est le double du précédent.',
    },
    {
      title: 'Démo : énigme',
      description: 'Une petite énigme de déduction.',
      challengeType: 'RIDDLE',
      ageGroup: 'GROUP_12_14',
      difficulty: 'CHEVALIER',
      question: 'Je suis un nombre pair entre 10 et 14, qui suis-je ?',
      correctAnswer: '12',
      solutionExplanation: '12 est le seul nombre pair strictement entre 10 et 14.',
    },
  ] as const;
  let challengeCount = 0;
  for (const c of challenges) {
    if (
      (await prisma.logicChallenge.findFirst({
        where: { title: c.title },
        select: { id: true },
      })) !== null
    )
      continue;
    await prisma.logicChallenge.create({ data: { ...c }, select: { id: true } });
    challengeCount += 1;
  }
  return `Demo data: ${users} user(s) (password "${DEMO_PASSWORD}"), ${exerciseCount} exercise(s), ${challengeCount} challenge(s) inserted.`;
};

const parseSteps = (arg: string | undefined): number => {
  if (arg === undefined) return 1;
  if (!/^\d+$/.test(arg) || Number(arg) < 1)
    throw new Error(`rollback: expected a positive number of migrations, got "${arg}"`);
  return Number(arg);
};

/** Runs one CLI command; resolves to the process exit code (never calls process.exit). */
export const runCli = async (argv: readonly string[], options: RunCliOptions): Promise<number> => {
  const out = options.stdout ?? ((text: string) => void process.stdout.write(text));
  const err = options.stderr ?? ((text: string) => void process.stderr.write(text));
  const line = (text: string): void => {
    out(`${text}\n`);
  };
  const [command, ...args] = argv;
  const where =
    options.database.url === null
      ? `embedded PGlite (${path.resolve(options.database.dataDir)})`
      : 'PostgreSQL (DATABASE_URL)';

  try {
    switch (command) {
      case 'migrate': {
        line(`Migrating ${where} from ${options.migrationsDir}`);
        const db = await openDb(options.database);
        try {
          const result = await migrateDatabase(db, {
            migrationsDir: options.migrationsDir,
            onProgress: line,
          });
          const r = result.reference;
          line(
            `Reference data: ${r.badgesInserted} badge(s) inserted, ${r.badgesUpdated} updated, ${r.settingsInserted} setting(s) inserted.`,
          );
        } finally {
          await db.close();
        }
        return 0;
      }
      case 'rollback': {
        const steps = parseSteps(args[0]);
        line(`Rolling back ${steps} migration(s) on ${where}`);
        const db = await openDb(options.database);
        try {
          await createMigrator(db.migrationTarget, {
            migrationsDir: options.migrationsDir,
            onProgress: line,
          }).down(steps);
        } finally {
          await db.close();
        }
        return 0;
      }
      case 'status': {
        const db = await openDb(options.database);
        try {
          const status = await createMigrator(db.migrationTarget, {
            migrationsDir: options.migrationsDir,
          }).status();
          line(`Migrations on ${where}:`);
          line(formatStatus(status));
          return status.changed.length > 0 || status.missing.length > 0 ? 1 : 0;
        } finally {
          await db.close();
        }
      }
      case 'check': {
        if (options.schemaPath === undefined || options.runDriftCheck === undefined) {
          throw new Error(
            'the drift check is a development tool: run `pnpm db:check` from the source tree',
          );
        }
        const report = await options.runDriftCheck({
          database: options.database,
          current: args.includes('--current'),
          migrationsDir: options.migrationsDir,
          schemaPath: options.schemaPath,
          allowlistPath:
            options.allowlistPath ??
            path.join(path.dirname(options.schemaPath), 'drift-allowlist.json'),
          onProgress: line,
        });
        return report.ok ? 0 : 1;
      }
      case 'seed-demo': {
        const db = await openDb(options.database);
        try {
          line(await seedDemo(db.prisma));
        } finally {
          await db.close();
        }
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
        line(CLI_USAGE);
        return command === undefined ? 2 : 0;
      default:
        err(`Unknown command "${command}".\n${CLI_USAGE}\n`);
        return 2;
    }
  } catch (e) {
    err(`${command} failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
};

// Entry point when run from source (`tsx src/db/cli.ts <command>`). A bundle importing runCli does not
// match this file name, so it never auto-runs there.
const invokedDirectly = (process.argv[1] ?? '').replaceAll('\\', '/').endsWith('/src/db/cli.ts');

if (invokedDirectly) {
  const { loadConfigOrExit } = await import('@mathakine/config');
  // A computed specifier keeps bundlers from following it: drift.ts (and @prisma/get-dmmf) stay out of bundles.
  const driftModule = pathToFileURL(path.join(import.meta.dirname, 'drift.ts')).href;
  const { runDriftCheck } = (await import(driftModule)) as typeof DriftModule;
  const config = loadConfigOrExit();
  const repoRoot = path.resolve(import.meta.dirname, '../../../..');
  const code = await runCli(process.argv.slice(2), {
    database: {
      url: config.database.url,
      dataDir: config.database.dataDir,
      poolSize: config.database.poolSize,
      statementTimeoutMs: config.database.statementTimeoutMs,
      transactionTimeoutMs: config.database.transactionTimeoutMs,
      transactionMaxWaitMs: config.database.transactionMaxWaitMs,
      connectTimeoutMs: config.database.connectTimeoutMs,
    },
    migrationsDir: path.join(repoRoot, 'prisma', 'migrations'),
    schemaPath: path.join(repoRoot, 'prisma', 'schema.prisma'),
    allowlistPath: path.join(repoRoot, 'prisma', 'drift-allowlist.json'),
    runDriftCheck,
  });
  process.exitCode = code;
}
