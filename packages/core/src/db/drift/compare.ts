/** The comparison of the expected schema with the live catalog, and the printed report. */
import { MIGRATIONS_TABLE } from '../migrate.ts';
import type { DriftAllowlist } from './allowlist.ts';
import type { ColumnSnapshot, IndexSnapshot, SchemaSnapshot } from './catalog.ts';
import {
  normalizeDefault,
  normalizeExpression,
  normalizeType,
  type ExpectedDefault,
  type ExpectedSchema,
} from './expected.ts';

export interface DriftIssue {
  /** e.g. `column users.email`, `index users_email_idx`. */
  object: string;
  message: string;
}

export interface DriftReport {
  ok: boolean;
  issues: DriftIssue[];
  /** Allow-listed objects found in the database (not drift). */
  allowed: string[];
  /** Allow-list entries that match nothing (stale, not a failure). */
  warnings: string[];
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const defaultMatches = (expected: ExpectedDefault, actual: ColumnSnapshot): string | null => {
  const actualText = actual.default;
  switch (expected.kind) {
    case 'none':
      return actualText === null ? null : `has default ${actualText}, schema declares none`;
    case 'autoincrement':
      return actual.identity !== '' || (actualText !== null && /^nextval\(/i.test(actualText))
        ? null
        : `should be autoincrement (a sequence default), has ${actualText ?? 'no default'}`;
    case 'now': {
      const n = actualText === null ? '' : normalizeDefault(actualText).toLowerCase();
      return /^(now\(\)|current_timestamp(\(\d\))?|transaction_timestamp\(\))$/.test(n)
        ? null
        : `should default to now(), has ${actualText ?? 'no default'}`;
    }
    case 'expression':
      if (actualText === null)
        return `should have the default ${expected.expression ?? '(a database expression)'}, has none`;
      if (expected.expression === null) return null;
      return normalizeExpression(expected.expression) === normalizeExpression(actualText) ||
        normalizeExpression(normalizeDefault(expected.expression)) ===
          normalizeExpression(normalizeDefault(actualText))
        ? null
        : `default is ${actualText}, schema says dbgenerated("${expected.expression}")`;
    case 'value': {
      if (actualText === null) return `should default to ${expected.value}, has none`;
      const got = normalizeDefault(actualText);
      if (got === expected.value) return null;
      const gn = Number(got);
      const en = Number(expected.value);
      if (
        got !== '' &&
        expected.value !== '' &&
        Number.isFinite(gn) &&
        Number.isFinite(en) &&
        gn === en
      )
        return null;
      if (got.toLowerCase() === expected.value.toLowerCase() && /^(true|false)$/i.test(got))
        return null;
      try {
        if (JSON.stringify(JSON.parse(got)) === JSON.stringify(JSON.parse(expected.value)))
          return null;
      } catch {
        // not JSON
      }
      return `default is ${actualText}, schema says ${JSON.stringify(expected.value)}`;
    }
  }
};

const allowedBy = (list: readonly string[], table: string, name: string): string | null =>
  list.find((entry) => entry === name || entry === `${table}.${name}`) ?? null;

export const compareSchema = (
  expected: ExpectedSchema,
  snapshot: SchemaSnapshot,
  allowlist: DriftAllowlist,
): DriftReport => {
  let actual = snapshot;
  // The migrate runner's bookkeeping table is always allowed, with whatever it carries.
  const ours = (x: { table: string }) => x.table !== MIGRATIONS_TABLE;
  actual = {
    ...actual,
    tables: actual.tables.filter((t) => t.name !== MIGRATIONS_TABLE),
    indexes: actual.indexes.filter(ours),
    foreignKeys: actual.foreignKeys.filter(ours),
    checks: actual.checks.filter(ours),
    triggers: actual.triggers.filter(ours),
  };
  const issues: DriftIssue[] = [];
  const allowed: string[] = [];
  const usedAllowEntries = new Set<string>();
  const add = (object: string, message: string) => issues.push({ object, message });
  const allow = (entry: string, what: string) => {
    usedAllowEntries.add(entry);
    const note = allowlist.notes[entry];
    allowed.push(note === undefined ? what : `${what}: ${note}`);
  };

  // Enums
  const actualEnums = new Map(actual.enums.map((e) => [e.name, e]));
  for (const e of expected.enums) {
    const a = actualEnums.get(e.name);
    if (a === undefined) add(`enum ${e.name}`, 'missing');
    else if (!sameList(a.labels, e.labels))
      add(
        `enum ${e.name}`,
        `labels are [${a.labels.join(', ')}], schema says [${e.labels.join(', ')}]`,
      );
  }
  const expectedEnumNames = new Set(expected.enums.map((e) => e.name));
  for (const a of actual.enums)
    if (!expectedEnumNames.has(a.name))
      add(`enum ${a.name}`, 'exists in the database but not in the schema');

  // Tables and columns
  const actualTables = new Map(actual.tables.map((t) => [t.name, t]));
  for (const t of expected.tables) {
    const a = actualTables.get(t.name);
    if (a === undefined) {
      add(`table ${t.name}`, `missing (model ${t.model})`);
      continue;
    }
    const actualColumns = new Map(a.columns.map((c) => [c.name, c]));
    for (const c of t.columns) {
      const object = `column ${t.name}.${c.name}`;
      const ac = actualColumns.get(c.name);
      if (ac === undefined) {
        add(object, `missing (field ${c.field})`);
        continue;
      }
      const actualType = normalizeType(ac.type);
      if (actualType !== c.type)
        add(object, `type is ${actualType}, schema says ${c.type} (field ${c.field})`);
      if (c.nullable !== null && ac.nullable !== c.nullable) {
        add(
          object,
          `is ${ac.nullable ? 'NULL' : 'NOT NULL'}, schema says ${c.nullable ? 'optional (NULL)' : 'required (NOT NULL)'} (field ${c.field})`,
        );
      }
      const d = defaultMatches(c.default, ac);
      if (d !== null) add(object, `${d} (field ${c.field})`);
    }
    const declared = new Set(t.columns.map((c) => c.name));
    for (const ac of a.columns)
      if (!declared.has(ac.name))
        add(`column ${t.name}.${ac.name}`, 'exists in the database but not in the schema');
  }
  const expectedTables = new Set(expected.tables.map((t) => t.name));
  for (const a of actual.tables) {
    if (expectedTables.has(a.name)) continue;
    add(`table ${a.name}`, 'exists in the database but not in the schema');
  }
  for (const v of actual.views) add(`view ${v}`, 'exists in the database but not in the schema');

  // Primary keys, unique constraints and indexes
  const remaining = [...actual.indexes];
  const take = (pred: (ix: IndexSnapshot) => boolean): IndexSnapshot | undefined => {
    const i = remaining.findIndex(pred);
    if (i < 0) return undefined;
    const [found] = remaining.splice(i, 1);
    return found;
  };
  for (const e of expected.indexes) {
    const what = e.primary ? 'primary key' : e.unique ? 'unique index' : 'index';
    const object = `${what} ${e.table}(${e.columns.join(', ')})`;
    const found = take(
      (ix) =>
        ix.table === e.table &&
        ix.primary === e.primary &&
        ix.unique === e.unique &&
        ix.predicate === null &&
        !ix.hasExpressions &&
        sameList(ix.columns, e.columns),
    );
    if (found === undefined) {
      add(object, 'missing');
      continue;
    }
    if (e.name !== null && found.name !== e.name)
      add(object, `is named ${found.name}, schema maps it to ${e.name}`);
    if (e.method !== null && found.method !== e.method)
      add(object, `uses ${found.method}, schema says ${e.method}`);
  }
  for (const ix of remaining) {
    const entry = allowedBy(allowlist.indexes, ix.table, ix.name);
    if (entry !== null) allow(entry, `index ${ix.table}.${ix.name}`);
    else add(`index ${ix.name}`, `exists in the database but not in the schema: ${ix.definition}`);
  }

  // Foreign keys
  const remainingFks = [...actual.foreignKeys];
  for (const e of expected.foreignKeys) {
    const object = `foreign key ${e.table}(${e.columns.join(', ')}) → ${e.refTable}(${e.refColumns.join(', ')})`;
    const i = remainingFks.findIndex(
      (fk) =>
        fk.table === e.table &&
        fk.refTable === e.refTable &&
        sameList(fk.columns, e.columns) &&
        sameList(fk.refColumns, e.refColumns),
    );
    const fk = i < 0 ? undefined : remainingFks.splice(i, 1)[0];
    if (fk === undefined) {
      add(object, 'missing');
      continue;
    }
    if (fk.onDelete !== e.onDelete)
      add(object, `ON DELETE is ${fk.onDelete}, schema says ${e.onDelete}`);
    if (fk.onUpdate !== e.onUpdate)
      add(object, `ON UPDATE is ${fk.onUpdate}, schema says ${e.onUpdate}`);
  }
  for (const fk of remainingFks) {
    const entry = allowedBy(allowlist.foreignKeys, fk.table, fk.name);
    if (entry !== null) allow(entry, `foreign key ${fk.table}.${fk.name}`);
    else add(`foreign key ${fk.table}.${fk.name}`, 'exists in the database but not in the schema');
  }

  // CHECK constraints and triggers: Prisma cannot declare them, so each must be allow-listed.
  for (const c of actual.checks) {
    const entry = allowedBy(allowlist.checks, c.table, c.name);
    if (entry !== null) allow(entry, `check ${c.table}.${c.name}`);
    else add(`check ${c.table}.${c.name}`, `not in the allow-list: ${c.definition}`);
  }
  for (const t of actual.triggers) {
    const entry = allowedBy(allowlist.triggers, t.table, t.name);
    if (entry !== null) allow(entry, `trigger ${t.table}.${t.name}`);
    else add(`trigger ${t.table}.${t.name}`, 'not in the allow-list');
  }

  const warnings = [
    ...allowlist.checks,
    ...allowlist.indexes,
    ...allowlist.triggers,
    ...allowlist.foreignKeys,
  ]
    .filter((entry) => !usedAllowEntries.has(entry))
    .map((entry) => `allow-list entry ${entry} matches nothing in the database`);

  return { ok: issues.length === 0, issues, allowed, warnings };
};

export const formatDriftReport = (report: DriftReport): string => {
  const lines: string[] = [];
  if (report.ok) lines.push('Drift check passed: the database matches prisma/schema.prisma.');
  else {
    lines.push(
      `Drift check FAILED: ${report.issues.length} difference(s) between the migrated database and the Prisma schema:`,
    );
    for (const i of report.issues) lines.push(`  ✗ ${i.object}: ${i.message}`);
  }
  if (report.allowed.length > 0) {
    lines.push(`Allow-listed (${report.allowed.length}):`);
    for (const a of report.allowed) lines.push(`  · ${a}`);
  }
  for (const w of report.warnings) lines.push(`  ! ${w}`);
  return lines.join('\n');
};
