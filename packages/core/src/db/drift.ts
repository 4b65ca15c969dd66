/**
 * Drift check (`pnpm db:check`): the live catalog of a migrated database against the Prisma schema.
 *
 * Expected side: the Prisma schema parsed by Prisma's own parser (`getDMMF` from `@prisma/get-dmmf`, the wasm
 * build `@prisma/internals` re-exports; it works offline). Actual side: pg_catalog. Compared: tables, columns
 * (type incl. varchar length / timestamptz / jsonb / enums, nullability, default), enum labels, primary keys,
 * unique constraints and indexes, foreign keys with ON DELETE / ON UPDATE. Anything in the database that the
 * schema does not declare is drift, except the migrations table and the allow-list `prisma/drift-allowlist.json`:
 *   { "checks": [...], "indexes": [...], "triggers"?: [...], "foreignKeys"?: [...], "notes": { name: why } }
 * An entry is a constraint / index / trigger name, optionally qualified by its table (`table.name`).
 * Not compared (Prisma features we do not use): operator classes, index NULLS ordering, `@db` on list elements.
 *
 * This file is the drift tool's surface (the tests and the database CLI import it); the implementation is
 * in drift/: catalog.ts (actual), expected.ts (Prisma), allowlist.ts, compare.ts (report), run.ts.
 */
export * from './drift/allowlist.ts';
export * from './drift/catalog.ts';
export * from './drift/compare.ts';
export * from './drift/expected.ts';
export * from './drift/run.ts';
