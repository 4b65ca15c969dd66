// Proves the turbo task graph tells the truth: changing a package's source must change the cache key of
// every task of every package that depends on it, so a cached green result is never replayed after a
// breaking change upstream.
//
//   pnpm check:task-graph   (node scripts/check-task-graph.mjs; .ci/run runs it)
//
// For each probe (the entry file of every workspace package other packages depend on, the Prisma
// schema, a migration, the shared tsconfig) it appends a line to the file, asks turbo for the task
// hashes (`turbo run … --dry=json`, nothing runs), and restores the file byte for byte. It fails when
// an expected hash did not change, or when two untouched dry runs disagree (the check would be vacuous).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const TASKS = ['typecheck', 'lint', 'test', 'build'];
const turboBin = path.join(root, 'node_modules', '.bin', 'turbo');

/** Every workspace package: name, folder, workspace dependencies, scripts, exports. */
const workspaces = ['apps', 'packages', 'tooling', 'examples'].flatMap((dir) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(root, dir, e.name, 'package.json')))
    .map((e) => {
      const folder = path.join(dir, e.name);
      const manifest = JSON.parse(readFileSync(path.join(root, folder, 'package.json'), 'utf8'));
      const deps = { ...manifest.dependencies, ...manifest.devDependencies };
      return {
        name: manifest.name,
        folder,
        scripts: Object.keys(manifest.scripts ?? {}),
        exports: manifest.exports,
        workspaceDeps: Object.keys(deps).filter((d) => String(deps[d]).startsWith('workspace:')),
      };
    }),
);
const byName = new Map(workspaces.map((w) => [w.name, w]));

/** Packages that depend on `name`, directly or through another workspace package. */
const dependentsOf = (name) => {
  const found = new Set();
  const visit = (target) => {
    for (const w of workspaces) {
      if (w.workspaceDeps.includes(target) && !found.has(w.name)) {
        found.add(w.name);
        visit(w.name);
      }
    }
  };
  visit(name);
  return [...found].sort();
};

/**
 * The file a dependent imports first: the package's main export, else index.js; for a built package
 * (exports under dist/, e.g. @mathakine/client) the source its build starts from, src/index.ts.
 */
const entryFileOf = (w) => {
  const main = typeof w.exports === 'string' ? w.exports : w.exports?.['.'];
  const target = typeof main === 'string' ? main : (main?.default ?? main?.import ?? './index.js');
  return path.join(w.folder, target.startsWith('./dist/') ? 'src/index.ts' : target);
};

/** A source file deeper than the entry (not a test): the first, in path order, under src/. */
const deepSourceOf = (w) => {
  const src = path.join(root, w.folder, 'src');
  if (!existsSync(src)) return null;
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.includes(path.sep) && /\.ts$/.test(f) && !/\.test\.ts$/.test(f))
    .filter((f) => !f.split(path.sep).includes('generated'))
    .sort();
  return files.length === 0 ? null : path.join(w.folder, 'src', files[0]);
};

/** task id → hash, for the tasks a package really runs (a script of that name exists). */
const dryRun = () => {
  const run = spawnSync(turboBin, ['run', ...TASKS, '--dry=json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`turbo --dry=json failed (${run.status}):\n${run.stderr}${run.stdout}`);
  }
  const json = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
  return new Map(
    json.tasks
      .filter((t) => TASKS.includes(t.task) && byName.get(t.package)?.scripts.includes(t.task))
      .map((t) => [t.taskId, t.hash]),
  );
};

const tasksOf = (names) =>
  names.flatMap((name) =>
    TASKS.filter((t) => byName.get(name)?.scripts.includes(t)).map((t) => `${name}#${t}`),
  );

/**
 * Which tasks of a dependent read a package: a tooling config only the task that loads it, any other
 * package (its code is imported) every task.
 */
const CONSUMED_BY = {
  '@mathakine/eslint-config': ['lint'],
  '@mathakine/vitest-config': ['test'],
};

/** Probes: a file to change and the tasks whose cache key must change with it. */
const probes = [];
for (const w of workspaces) {
  const dependents = dependentsOf(w.name);
  if (dependents.length === 0) continue;
  const consumers = CONSUMED_BY[w.name] ?? TASKS;
  const expect = [
    ...tasksOf([w.name]),
    ...tasksOf(dependents).filter((id) => consumers.includes(id.split('#')[1])),
  ];
  probes.push({ file: entryFileOf(w), expect });
  const deep = deepSourceOf(w);
  if (deep !== null) probes.push({ file: deep, expect });
}
const dbPackages = ['@mathakine/core', ...dependentsOf('@mathakine/core')];
/**
 * Packages that read the server only through its types (the client's declaration build, the example
 * consuming it): the Prisma schema reaches them (generated types), the migrations' SQL does not.
 */
const TYPES_ONLY = new Set(['@mathakine/client', '@mathakine/example-web-client']);
probes.push({ file: 'prisma/schema.prisma', expect: tasksOf(dbPackages) });
const firstMigration = readdirSync(path.join(root, 'prisma', 'migrations'), {
  withFileTypes: true,
})
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()[0];
if (firstMigration !== undefined) {
  probes.push({
    file: path.join('prisma', 'migrations', firstMigration, 'migration.sql'),
    expect: tasksOf(dbPackages.filter((name) => !TYPES_ONLY.has(name))).filter((id) =>
      /#(test|build)$/.test(id),
    ),
  });
}
probes.push({ file: 'tsconfig.base.json', expect: tasksOf(workspaces.map((w) => w.name)) });

// The file being probed, restored on any exit (error, Ctrl-C, kill): the tree is left as found.
let touched = null;
const restore = () => {
  if (touched === null) return;
  writeFileSync(touched.abs, touched.original);
  touched = null;
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    restore();
    process.exit(130);
  });
}

const failures = [];
try {
  const baseline = dryRun();
  const again = dryRun();
  const unstable = [...baseline].filter(([id, hash]) => again.get(id) !== hash).map(([id]) => id);
  if (unstable.length > 0) failures.push(`hashes differ between two untouched runs: ${unstable}`);

  for (const probe of probes) {
    const abs = path.join(root, probe.file);
    if (!existsSync(abs)) {
      failures.push(`${probe.file}: probe file missing`);
      continue;
    }
    touched = { abs, original: readFileSync(abs) };
    let after;
    try {
      appendFileSync(abs, '\n// task-graph probe: restored by scripts/check-task-graph.mjs\n');
      after = dryRun();
    } finally {
      restore();
    }
    const missed = probe.expect.filter((id) => baseline.get(id) === after.get(id));
    const changed = probe.expect.length - missed.length;
    console.log(
      `${missed.length === 0 ? 'ok  ' : 'FAIL'} ${probe.file}: ${changed}/${probe.expect.length} dependent cache keys changed`,
    );
    for (const id of missed) failures.push(`${probe.file} changed but ${id} kept its cache key`);
  }
} finally {
  restore();
}

if (failures.length > 0) {
  console.error(
    `\nThe task graph lies (see turbo.json, task "transit"):\n  ${failures.join('\n  ')}`,
  );
  process.exit(1);
}
console.log('task graph: every dependent cache key follows its inputs');
