/**
 * `pnpm --filter @mathakine/server bench:legacy-import` — measures the legacy import on a fixture of
 * realistic size (docs/cut-over.md): builds a legacy database (legacy schema + generated rows) and a
 * freshly migrated target next to the DATABASE_URL database, then times the dry run, the import, the
 * re-run and the verification through the same command code the build ships. A script, not a test.
 *
 * Options: --learners=<n> (10000), --exercises=<n> (2000), --challenges=<n> (300),
 * --attempts=<n> (1000000), --challenge-attempts=<n> (100000), --batch=<n> (2000), --keep (leave both
 * databases). Needs PostgreSQL (DATABASE_URL) with the right to create databases.
 */
import { loadConfigOrExit } from '@mathakine/config';
import { createDb, migrateDatabase } from '@mathakine/core/db';
import {
  createLegacySchema,
  dropScratchDatabase,
  recreateScratchDatabase,
  seedBulkLegacyData,
} from '@mathakine/core/testing';

import { dbOptions } from '../src/db-options.ts';
import { runLegacyImportCommand } from '../src/legacy-import-command.ts';
import { migrationsDir } from '../src/paths.ts';

const arg = (name: string, fallback: number): number => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = hit === undefined ? Number.NaN : Number(hit.slice(name.length + 3));
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};
const out = (line: string) => process.stdout.write(`${line}\n`);

const volume = {
  learners: arg('learners', 10_000),
  exercises: arg('exercises', 2000),
  challenges: arg('challenges', 300),
  attempts: arg('attempts', 1_000_000),
  challengeAttempts: arg('challenge-attempts', 100_000),
};
const batch = arg('batch', 2000);

const config = loadConfigOrExit();
const serverUrl = config.database.url;
if (serverUrl === null) {
  out('bench:legacy-import needs PostgreSQL: set DATABASE_URL');
  process.exit(2);
}
const SOURCE = 'mathakine_legacy_bench_source';
const TARGET = 'mathakine_legacy_bench_target';
const sourceUrl = await recreateScratchDatabase(serverUrl, SOURCE);
const targetUrl = await recreateScratchDatabase(serverUrl, TARGET);

/** Peak resident memory of this process during `run`, sampled every 100 ms. */
const measure = async (label: string, run: () => Promise<number>) => {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const started = performance.now();
  const code = await run();
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { label, code, seconds, peakMb: Math.round(peak / 1024 / 1024) };
};

out(`volume: ${JSON.stringify(volume)}, batch ${batch}`);
const seeding = await measure('seed the legacy fixture (SQL)', async () => {
  await createLegacySchema(sourceUrl);
  await seedBulkLegacyData(sourceUrl, volume);
  return 0;
});
const target = await createDb({ ...dbOptions(config), url: targetUrl, poolSize: 2 });
await migrateDatabase(target, { migrationsDir: migrationsDir() });
await target.close();

const lines: string[] = [];
const command = (extra: string[]) => () =>
  runLegacyImportCommand(['--from', sourceUrl, '--batch-size', String(batch), ...extra], {
    database: { ...dbOptions(config), url: targetUrl },
    stdout: (text) => lines.push(text),
    progressEverySeconds: 30,
  });
const results = [
  seeding,
  await measure('dry run', command(['--dry-run', '--report', '/dev/null'])),
  await measure('import (with rebuild + verification)', command(['--report', '/dev/null'])),
  await measure('re-run (changes nothing)', command(['--report', '/dev/null'])),
  await measure('verify', command(['--verify', '--report', '/dev/null'])),
];
out(lines.join('').trimEnd());
out('');
out('| step | exit | duration | peak RSS |');
out('| --- | --- | --- | --- |');
for (const r of results)
  out(`| ${r.label} | ${r.code} | ${r.seconds.toFixed(1)} s | ${r.peakMb} MB |`);

if (!process.argv.includes('--keep')) {
  await dropScratchDatabase(serverUrl, SOURCE);
  await dropScratchDatabase(serverUrl, TARGET);
}
