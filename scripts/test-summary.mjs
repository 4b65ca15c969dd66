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
  const failedFiles = [];
  let brokenFiles = 0; // failed with no failed test: did not load, or a hook threw
  const files = readdirSync(runDir).filter((f) => f.endsWith('.json'));
  for (const file of files) {
    const report = JSON.parse(readFileSync(path.join(runDir, file), 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    if (
      report.success === false &&
      (report.numFailedTestSuites ?? 0) === 0 &&
      (report.numFailedTests ?? 0) === 0
    ) {
      brokenFiles += 1;
      failedFiles.push(
        `  ${path.basename(file, '.json')}: the run failed outside any test file (global setup or an unhandled error)`,
      );
    }
    // A file that failed to load or whose hooks threw fails with no failed test: name it, with its
    // first error line, so the tail of a CI log says what broke.
    for (const result of report.testResults ?? []) {
      if (result.status !== 'failed') continue;
      const failedTest = (result.assertionResults ?? []).find((a) => a.status === 'failed');
      const message = failedTest?.failureMessages?.[0] ?? result.message ?? '';
      if (failedTest === undefined) brokenFiles += 1;
      const firstLine = message.split('\n').find((line) => line.trim() !== '') ?? '';
      failedFiles.push(
        `  ${path.basename(file, '.json')}: ${path.relative(root, result.name)}` +
          `${failedTest ? ` › ${failedTest.title}` : ''}: ${firstLine.trim().slice(0, 200)}`,
      );
    }
  }
  grandPassed += passed;
  grandFailed += failed + brokenFiles;
  console.log(
    `tests on ${run} (${files.length} packages): ${passed} passed, ${failed} failed, ${skipped} skipped` +
      (failedFiles.length > 0 ? `, ${failedFiles.length} failing file(s):` : ''),
  );
  for (const line of failedFiles.slice(0, 12)) console.log(line);
  if (failedFiles.length > 12) console.log(`  … and ${failedFiles.length - 12} more`);
}
console.log(`${grandPassed} passed, ${grandFailed} failed`);
