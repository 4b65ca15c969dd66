// Proves @mathakine/client works for a frontend OUTSIDE this workspace (a .ci/run step):
//   pnpm --filter @mathakine/client build && pnpm --filter @mathakine/client check:consumer
//
// 1. packs the built package (`pnpm pack`: the tarball a registry would serve);
// 2. creates a scratch package in a temporary directory, installs the tarball and its peers (from the
//    local pnpm store when it has them), copies the consumer sources of test/fixtures/consumer;
// 3. type-checks them under stock tsconfigs (Next.js, Vite, and the strictest: skipLibCheck false,
//    nodenext): 0 errors expected, `expect-errors.ts` asserting each wrong call IS an error;
// 4. type-checks `wrong-input.ts` alone: the check must FAIL, on the wrong input;
// 5. lists the files a consumer's compiler loads: nothing of ours but the client, no Prisma, no server.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const here = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(here, 'test', 'fixtures', 'consumer');
const scratch = mkdtempSync(path.join(tmpdir(), 'mathakine-client-consumer-'));
const failures = [];

const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
};

const must = (label, { status, output }) => {
  if (status !== 0) throw new Error(`${label} failed (${status}):\n${output}`);
  return output;
};

const versionOf = (name) =>
  JSON.parse(readFileSync(path.join(here, 'node_modules', name, 'package.json'), 'utf8')).version;

try {
  // 1. The tarball.
  must('pnpm pack', run('pnpm', ['pack', '--pack-destination', scratch], here));
  const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack produced no tarball');
  console.log(`packed ${tarball}`);

  // 2. The scratch package: the client and what a frontend adds next to it.
  const consumer = path.join(scratch, 'consumer');
  cpSync(fixtures, consumer, { recursive: true });
  const manifest = {
    name: 'scratch-frontend',
    private: true,
    type: 'module',
    dependencies: {
      '@mathakine/client': `file:../${tarball}`,
      '@trpc/client': versionOf('@trpc/client'),
      '@trpc/server': versionOf('@trpc/server'),
      superjson: versionOf('superjson'),
    },
    devDependencies: { typescript: versionOf('typescript') },
  };
  writeFileSync(path.join(consumer, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  must(
    'install',
    run(
      'pnpm',
      ['install', '--prefer-offline', '--ignore-workspace', '--config.lockfile=false'],
      consumer,
    ),
  );
  const installed = JSON.parse(
    readFileSync(
      path.join(consumer, 'node_modules', '@mathakine', 'client', 'package.json'),
      'utf8',
    ),
  );
  for (const field of ['dependencies', 'peerDependencies']) {
    for (const [dep, range] of Object.entries(installed[field] ?? {})) {
      if (/^(workspace|catalog):/.test(String(range))) {
        failures.push(`the packed manifest keeps an unresolved ${field} range: ${dep}@${range}`);
      }
    }
  }
  const tsc = path.join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');

  // 3. Stock configurations: 0 errors (expect-errors.ts asserts the deliberate mistakes are errors).
  for (const config of ['tsconfig.next.json', 'tsconfig.vite.json', 'tsconfig.strict.json']) {
    const { status, output } = run('node', [tsc, '-p', config], consumer);
    if (status === 0) console.log(`ok   ${config}: 0 errors`);
    else failures.push(`${config}: expected 0 errors, got:\n${output}`);
  }

  // 4. The wrong input alone: the check must fail, and on that input.
  const wrong = run('node', [tsc, '-p', 'tsconfig.wrong.json'], consumer);
  if (wrong.status !== 0 && /wrong-input\.ts\(\d+,\d+\): error TS2322/.test(wrong.output)) {
    console.log('ok   tsconfig.wrong.json: the wrong input is a type error (TS2322), as expected');
  } else {
    failures.push(
      `tsconfig.wrong.json: expected a TS2322 on wrong-input.ts, got:\n${wrong.output}`,
    );
  }

  // 5. What a consumer's compiler loads.
  const files = must(
    'tsc --listFilesOnly',
    run('node', [tsc, '-p', 'tsconfig.strict.json', '--listFilesOnly'], consumer),
  )
    .split('\n')
    .filter(Boolean);
  const ours = files.filter((f) => f.includes('@mathakine'));
  const leaks = files.filter((f) => /prisma|@mathakine[\\/](api|core)|pino|hono/i.test(f));
  console.log(
    `     a consumer loads ${files.length} files, ${ours.length} of ours: ${ours.join(', ')}`,
  );
  if (leaks.length > 0) failures.push(`declarations pull server files:\n  ${leaks.join('\n  ')}`);
  if (ours.length !== 1) failures.push(`expected one declaration file of ours, got ${ours.length}`);
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`\nclient consumer check FAILED:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('client consumer check: a stock frontend type-checks against the packed client');
