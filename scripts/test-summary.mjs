// Collects the vitest JSON reports the packages wrote (.cache/vitest-results.json) and prints the totals.
//   node scripts/test-summary.mjs collect <results-dir> <label>   copy this run's reports under <label>
//   node scripts/test-summary.mjs <results-dir>                   print "label: N passed, N failed" lines
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const workspaces = ['apps', 'packages', 'tooling'].flatMap((dir) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(root, dir, e.name)),
);
const REPORT = path.join('.cache', 'vitest-results.json');

const [mode, resultsDir, label] = process.argv.slice(2);

if (mode === 'collect') {
  const target = path.join(resultsDir, label);
  mkdirSync(target, { recursive: true });
  for (const ws of workspaces) {
    const report = path.join(ws, REPORT);
    if (!existsSync(report)) continue;
    copyFileSync(report, path.join(target, `${path.basename(ws)}.json`));
    rmSync(report);
  }
  process.exit(0);
}

const dir = mode;
let grandPassed = 0;
let grandFailed = 0;
const runs = existsSync(dir)
  ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())
  : [];
for (const run of runs.map((e) => e.name).sort()) {
  const runDir = path.join(dir, run);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const files = readdirSync(runDir).filter((f) => f.endsWith('.json'));
  for (const file of files) {
    const report = JSON.parse(readFileSync(path.join(runDir, file), 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  grandPassed += passed;
  grandFailed += failed;
  console.log(
    `tests on ${run} (${files.length} packages): ${passed} passed, ${failed} failed, ${skipped} skipped`,
  );
}
console.log(`${grandPassed} passed, ${grandFailed} failed`);
