/**
 * How an audit entry summarises a change: plain JSON, bounded, and never a secret. A password hash, a token
 * or a key never reaches `details`, whatever the caller passes: their fields are recorded as changed, with
 * the values replaced by a marker.
 */
import type { AuditFieldChange, AuditJson } from './audit.schemas.ts';

export const REDACTED = '[redacted]';
const MAX_STRING = 200;
const MAX_ITEMS = 20;
const MAX_DEPTH = 4;

/** Field names whose values are never written to the audit log. */
const SECRET_FIELD = /pass(word)?|hash|token|secret|api[_-]?key|credential/i;

export const isSecretField = (name: string): boolean => SECRET_FIELD.test(name);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cut to the bound, then storable: `jsonb` holds no NUL and no lone surrogate (both become U+FFFD). */
const truncate = (text: string): string =>
  (text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text)
    .replaceAll('\0', '\uFFFD')
    .replace(LONE_SURROGATE, '\uFFFD');

/** Any value as bounded plain JSON: dates as ISO strings, long strings and lists cut, secrets redacted. */
export const toAuditJson = (value: unknown, depth = 0): AuditJson => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return truncate(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const items: AuditJson[] = value.slice(0, MAX_ITEMS).map((v) => toAuditJson(v, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`… (+${value.length - MAX_ITEMS})`);
    return items;
  }
  if (typeof value === 'object') {
    const out: Record<string, AuditJson> = {};
    for (const [key, v] of Object.entries(value).slice(0, MAX_ITEMS)) {
      out[truncate(key)] = isSecretField(key) ? REDACTED : toAuditJson(v, depth + 1);
    }
    return out;
  }
  return null;
};

const sameJson = (a: AuditJson, b: AuditJson): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that changed between `before` and `after` (only the `fields` listed, or every key of `after`),
 * as `{ field: { from, to } }`. Unchanged fields are left out; secret fields are kept as changed but
 * redacted on both sides.
 */
export const summariseChanges = (
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  fields: readonly string[] = Object.keys(after),
): Record<string, AuditFieldChange> => {
  const changes: Record<string, AuditFieldChange> = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    const from = toAuditJson(before[field]);
    const to = toAuditJson(after[field]);
    if (sameJson(from, to)) continue;
    changes[field] = isSecretField(field) ? { from: REDACTED, to: REDACTED } : { from, to };
  }
  return changes;
};

/** The stored `details`: null when empty (as the legacy), every value bounded and secret-free. */
export const auditDetails = (
  details: Readonly<Record<string, unknown>> | null,
): Record<string, AuditJson> | null => {
  if (!details) return null;
  const json = toAuditJson(details);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  return Object.keys(json).length === 0 ? null : (json as Record<string, AuditJson>);
};
