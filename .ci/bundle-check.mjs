// Usage: node .ci/bundle-check.mjs <dist folder> <file of resolved specifiers, one per line>
// The npm packages the server bundle inlines (read from its source maps) must never also be loaded from
// node_modules at run time: a second copy would break `instanceof` across the two (zod, tRPC and Hono
// errors) and undo the cold-start gain of inlining them (apps/server/tsdown.config.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [distDir, resolvedFile] = process.argv.slice(2);
if (distDir === undefined || resolvedFile === undefined) {
  process.stderr.write(
    'usage: node .ci/bundle-check.mjs <dist folder> <resolved specifiers file>\n',
  );
  process.exit(2);
}

const PACKAGE_IN_PATH = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/;
const inlined = new Set();
for (const file of readdirSync(distDir)) {
  if (!file.endsWith('.js.map')) continue;
  const map = JSON.parse(readFileSync(path.join(distDir, file), 'utf8'));
  for (const source of map.sources ?? []) {
    const match = PACKAGE_IN_PATH.exec(source);
    if (match?.[1] !== undefined) inlined.add(match[1]);
  }
}

/** `hono/cookie` → `hono`, `@hono/node-server/x` → `@hono/node-server`; relative, absolute and node: → null. */
const packageOf = (specifier) => {
  if (/^(\.|\/|node:|file:|data:)/.test(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? null);
};
const loaded = new Set(
  readFileSync(resolvedFile, 'utf8')
    .split('\n')
    .map((line) => packageOf(line.trim()))
    .filter((name) => name !== null && name !== ''),
);

const twice = [...inlined].filter((name) => loaded.has(name)).sort();
if (inlined.size === 0) {
  process.stderr.write(`bundle check: no inlined package found in ${distDir}/*.js.map\n`);
  process.exit(1);
}
if (twice.length > 0) {
  process.stderr.write(
    `bundle check: inlined in the bundle and also loaded from node_modules: ${twice.join(', ')}\n`,
  );
  process.exit(1);
}
process.stdout.write(
  `${inlined.size} inlined packages (${[...inlined].sort().join(', ')}), none loaded from node_modules\n`,
);
