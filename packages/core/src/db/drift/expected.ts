/**
 * The expected side of the drift check: the Prisma schema parsed by Prisma's own parser (`getDMMF` from
 * `@prisma/get-dmmf`, the wasm build `@prisma/internals` re-exports; it works offline), turned into the
 * tables, columns, enums, indexes and foreign keys PostgreSQL should hold, with canonical type and default
 * spellings.
 */
import { getDMMF, type GetDMMFError } from '@prisma/get-dmmf';

import type { EnumSnapshot, ReferentialAction } from './catalog.ts';

type Document = Exclude<ReturnType<typeof getDMMF>, GetDMMFError>;
type Datamodel = Document['datamodel'];
type Model = Datamodel['models'][number];
type Field = Model['fields'][number];

export interface ExpectedColumn {
  name: string;
  field: string;
  type: string;
  /** null = either (Prisma scalar lists). */
  nullable: boolean | null;
  default: ExpectedDefault;
}

export type ExpectedDefault =
  | { kind: 'none' }
  | { kind: 'autoincrement' }
  | { kind: 'now' }
  | { kind: 'expression'; expression: string | null }
  | { kind: 'value'; value: string };

export interface ExpectedIndex {
  table: string;
  /** Column names, `name DESC` for a descending key column (same spelling as IndexSnapshot.columns). */
  columns: string[];
  unique: boolean;
  primary: boolean;
  /** Only set when the schema names it (`map:`). */
  name: string | null;
  method: string | null;
}

export interface ExpectedForeignKey {
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface ExpectedSchema {
  tables: { name: string; model: string; columns: ExpectedColumn[] }[];
  enums: EnumSnapshot[];
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
}

const isGetDmmfError = (value: Document | GetDMMFError): value is GetDMMFError =>
  'type' in value && 'error' in value;

// eslint-disable-next-line no-control-regex -- strips ANSI colours from Prisma's validation messages
const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

export const parsePrismaSchema = (schemaText: string): Datamodel => {
  const result = getDMMF({ datamodel: schemaText });
  if (isGetDmmfError(result)) {
    const raw = result.error instanceof Error ? result.error.message : String(result.error);
    let message = raw;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed !== null && typeof parsed === 'object' && 'message' in parsed)
        message = String(parsed.message);
    } catch {
      // not JSON: keep the raw text
    }
    throw new Error(`The Prisma schema does not parse: ${stripAnsi(message)}`);
  }
  return result.datamodel;
};

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

const nativeTypeToPg = (name: string, args: readonly string[]): string => {
  const a = args.join(',');
  const withArgs = (base: string) => (a === '' ? base : `${base}(${a})`);
  switch (name) {
    case 'VarChar':
      return withArgs('character varying');
    case 'Char':
      return withArgs('character');
    case 'Text':
      return 'text';
    case 'Uuid':
      return 'uuid';
    case 'Citext':
      return 'citext';
    case 'Inet':
      return 'inet';
    case 'Xml':
      return 'xml';
    case 'Bit':
      return withArgs('bit');
    case 'VarBit':
      return withArgs('bit varying');
    case 'SmallInt':
      return 'smallint';
    case 'Integer':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Oid':
      return 'oid';
    case 'Real':
      return 'real';
    case 'DoublePrecision':
      return 'double precision';
    case 'Decimal':
      return withArgs('numeric');
    case 'Money':
      return 'money';
    case 'Boolean':
      return 'boolean';
    case 'Timestamp':
      return a === '' ? 'timestamp without time zone' : `timestamp(${a}) without time zone`;
    case 'Timestamptz':
      return a === '' ? 'timestamp with time zone' : `timestamp(${a}) with time zone`;
    case 'Date':
      return 'date';
    case 'Time':
      return a === '' ? 'time without time zone' : `time(${a}) without time zone`;
    case 'Timetz':
      return a === '' ? 'time with time zone' : `time(${a}) with time zone`;
    case 'Json':
      return 'json';
    case 'JsonB':
      return 'jsonb';
    case 'ByteA':
      return 'bytea';
    default:
      return name.toLowerCase();
  }
};

/** Canonical spelling of a column type, so `timestamp(6) with time zone` (the default precision) = `timestamp with time zone`. */
export const normalizeType = (type: string): string =>
  type
    .toLowerCase()
    .replaceAll('"', '')
    .replace(/^(timestamp|time)\(6\)/, '$1')
    .replace(/\s+/g, ' ')
    .trim();

const CAST = /::(?:"[^"]+"|[a-z_][\w]*(?: [a-z_]+)*)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])*$/i;

/** Canonical text of a column default: outer casts and quotes removed. */
export const normalizeDefault = (expr: string): string => {
  let s = expr.trim();
  for (;;) {
    const next = s.replace(CAST, '').trim();
    const unwrapped =
      /^\((.*)\)$/s.test(next) && !/^\(.*\)\s*\(/.test(next) ? next.slice(1, -1).trim() : next;
    if (unwrapped === s) break;
    s = unwrapped;
  }
  if (/^'.*'$/s.test(s)) return s.slice(1, -1).replaceAll("''", "'");
  if (/^array\[\]$/i.test(s)) return '{}';
  return s;
};

export const normalizeExpression = (expr: string): string =>
  expr
    .toLowerCase()
    .replace(/::(?:"[^"]+"|[a-z_][\w]*(?: [a-z_]+)*)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])*/g, '')
    .replace(/[\s()"]/g, '');

const enumLabelFor = (datamodel: Datamodel, enumName: string, value: string): string => {
  const e = datamodel.enums.find((x) => x.name === enumName);
  const v = e?.values.find((x) => x.name === value);
  return v?.dbName ?? value;
};

const pgArrayLiteral = (values: readonly unknown[]): string =>
  `{${values.map((v) => String(v)).join(',')}}`;

const expectedDefault = (datamodel: Datamodel, field: Field): ExpectedDefault => {
  if (!field.hasDefaultValue || field.default === undefined) return { kind: 'none' };
  const d: unknown = field.default;
  if (d !== null && typeof d === 'object' && !Array.isArray(d) && 'name' in d) {
    const fn = d as { name: string; args: readonly unknown[] };
    switch (fn.name) {
      case 'autoincrement':
        return { kind: 'autoincrement' };
      case 'now':
        return { kind: 'now' };
      case 'dbgenerated':
        return { kind: 'expression', expression: fn.args.length > 0 ? String(fn.args[0]) : null };
      case 'uuid':
      case 'cuid':
      case 'nanoid':
      case 'ulid':
        // Generated by the client: no database default.
        return { kind: 'none' };
      default:
        return { kind: 'expression', expression: null };
    }
  }
  if (Array.isArray(d)) {
    const values =
      field.kind === 'enum' ? d.map((v) => enumLabelFor(datamodel, field.type, String(v))) : d;
    return { kind: 'value', value: pgArrayLiteral(values) };
  }
  if (field.kind === 'enum')
    return { kind: 'value', value: enumLabelFor(datamodel, field.type, String(d)) };
  return { kind: 'value', value: String(d) };
};

const modelTable = (model: Model): string => model.dbName ?? model.name;
const fieldColumn = (field: Field): string => field.dbName ?? field.name;

const columnType = (datamodel: Datamodel, field: Field): string => {
  let base: string;
  if (field.kind === 'enum') {
    const e = datamodel.enums.find((x) => x.name === field.type);
    base = e?.dbName ?? field.type;
  } else if (field.nativeType !== null && field.nativeType !== undefined) {
    base = nativeTypeToPg(field.nativeType[0], field.nativeType[1]);
  } else {
    base = SCALAR_TYPES[field.type] ?? field.type.toLowerCase();
  }
  return normalizeType(field.isList ? `${base}[]` : base);
};

export const expectedSchemaFromPrisma = (schemaText: string): ExpectedSchema => {
  const datamodel = parsePrismaSchema(schemaText);
  const modelsByName = new Map(datamodel.models.map((m) => [m.name, m]));
  const columnOf = (model: Model, fieldName: string): string => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field === undefined ? fieldName : fieldColumn(field);
  };

  const tables = datamodel.models.map((model) => ({
    name: modelTable(model),
    model: model.name,
    columns: model.fields
      .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
      .map((f) => ({
        name: fieldColumn(f),
        field: `${model.name}.${f.name}`,
        type: columnType(datamodel, f),
        nullable: f.isList ? null : !f.isRequired,
        default: expectedDefault(datamodel, f),
      })),
  }));

  const indexes: ExpectedIndex[] = datamodel.indexes
    .filter((ix) => modelsByName.has(ix.model))
    .flatMap((ix) => {
      const model = modelsByName.get(ix.model);
      if (model === undefined) return [];
      return [
        {
          table: modelTable(model),
          columns: ix.fields.map(
            (f) => `${columnOf(model, f.name)}${f.sortOrder === 'desc' ? ' DESC' : ''}`,
          ),
          unique: ix.type === 'unique' || ix.type === 'id',
          primary: ix.type === 'id',
          name: ix.dbName ?? null,
          method: ix.algorithm === undefined ? null : ix.algorithm.toLowerCase(),
        },
      ];
    });
  // Models with a compound id declared via @@id appear in `primaryKey` (and in indexes as type 'id').

  const foreignKeys: ExpectedForeignKey[] = [];
  for (const model of datamodel.models) {
    for (const field of model.fields) {
      const from = field.relationFromFields ?? [];
      if (field.kind !== 'object' || from.length === 0) continue;
      const target = modelsByName.get(field.type);
      if (target === undefined) continue;
      const fromFields = from.map((name) => model.fields.find((f) => f.name === name));
      const allRequired = fromFields.every((f) => f?.isRequired === true);
      foreignKeys.push({
        table: modelTable(model),
        columns: from.map((name) => columnOf(model, name)),
        refTable: modelTable(target),
        refColumns: (field.relationToFields ?? []).map((name) => columnOf(target, name)),
        onDelete:
          (field.relationOnDelete as ReferentialAction | undefined) ??
          (allRequired ? 'Restrict' : 'SetNull'),
        onUpdate: (field.relationOnUpdate as ReferentialAction | undefined) ?? 'Cascade',
      });
    }
  }

  const enums = datamodel.enums.map((e) => ({
    name: e.dbName ?? e.name,
    labels: e.values.map((v) => v.dbName ?? v.name),
  }));
  return { tables, enums, indexes, foreignKeys };
};
