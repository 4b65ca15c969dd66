/**
 * Legacy settings and admin/analytics rows → ours (pure): `settings` (by key), `feedback_reports`,
 * `edtech_events` and `admin_audit_logs`. Optional references to rows that were not imported are set to
 * NULL and reported (SET NULL semantics).
 */
import type { EdtechEventType, FeedbackStatus, FeedbackType } from '../db/generated/enums.ts';
import { optionalRef, type ImportedIds } from './activity-rows.rules.ts';
import {
  bool,
  date,
  int,
  json,
  rowNotes,
  str,
  type RowResult,
  type SourceRow,
} from './legacy-cells.rules.ts';
import {
  mapAuditDetails,
  mapEdtechEvent,
  mapFeedbackStatus,
  mapFeedbackType,
  mapJsonObject,
  type JsonObject,
  type JsonValue,
} from './legacy-values.rules.ts';

export interface SettingRow {
  key: string;
  value: string | null;
  valueJson: JsonValue;
  description: string | null;
  category: string | null;
  isSystem: boolean;
  isPublic: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** `settings`: matched by key (our defaults exist already); the legacy admin's value wins. */
export const mapSetting = (
  row: SourceRow,
  ids: Pick<ImportedIds, 'now'>,
): RowResult<SettingRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('settings', id);
  const key = str(row, 'key');
  if (key === null || key.trim() === '')
    return { row: notes.reject('no key'), findings: notes.findings };
  const createdAt = date(row, 'created_at') ?? ids.now;
  return {
    row: {
      key: key.slice(0, 255),
      value: str(row, 'value'),
      valueJson: (json(row, 'value_json') ?? null) as JsonValue,
      description: str(row, 'description'),
      category: str(row, 'category')?.slice(0, 64) ?? null,
      isSystem: bool(row, 'is_system') ?? false,
      isPublic: bool(row, 'is_public') ?? true,
      createdAt,
      updatedAt: date(row, 'updated_at') ?? createdAt,
    },
    findings: notes.findings,
  };
};

export interface FeedbackRow {
  id: number;
  userId: number | null;
  feedbackType: FeedbackType;
  status: FeedbackStatus;
  pageUrl: string | null;
  exerciseId: number | null;
  challengeId: number | null;
  description: string | null;
  createdAt: Date;
}

/** `feedback_reports` (C11: orphan content references become NULL, reported). */
export const mapFeedback = (row: SourceRow, ids: ImportedIds): RowResult<FeedbackRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('feedback_reports', id);
  if (id === null) return { row: notes.reject('no id'), findings: notes.findings };
  const typeRaw = str(row, 'feedback_type');
  const type = mapFeedbackType(typeRaw);
  if (!type.canonical)
    notes.normalised('feedback_type', typeRaw, type.value ?? 'OTHER', 'unknown type (→ other)');
  const statusRaw = str(row, 'status');
  const status = mapFeedbackStatus(statusRaw);
  if (!status.canonical || statusRaw === null)
    notes.normalised('status', statusRaw, status.value ?? 'NEW', 'unknown status (→ new)');
  return {
    row: {
      id,
      userId: optionalRef(row, 'user_id', ids.users, notes),
      feedbackType: type.value ?? 'OTHER',
      status: status.value ?? 'NEW',
      pageUrl: str(row, 'page_url'),
      exerciseId: optionalRef(row, 'exercise_id', ids.exercises, notes),
      challengeId: optionalRef(row, 'challenge_id', ids.challenges, notes),
      description: str(row, 'description'),
      createdAt: date(row, 'created_at') ?? ids.now,
    },
    findings: notes.findings,
  };
};

export interface EdtechEventRow {
  id: number;
  userId: number | null;
  event: EdtechEventType;
  payload: JsonObject;
  createdAt: Date;
}

/** `edtech_events`: an event outside the two known ones is rejected (the legacy API rejected them too). */
export const mapEdtechEventRow = (row: SourceRow, ids: ImportedIds): RowResult<EdtechEventRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('edtech_events', id);
  const done = (r: EdtechEventRow | null) => ({ row: r, findings: notes.findings });
  if (id === null) return done(notes.reject('no id'));
  const eventRaw = str(row, 'event');
  const event = mapEdtechEvent(eventRaw);
  if (event.value === null) return done(notes.reject('unknown analytics event', 'event', eventRaw));
  if (!event.canonical) notes.normalised('event', eventRaw, event.value, 'event spelling');
  const payload = mapJsonObject(json(row, 'payload'));
  if (!payload.canonical)
    notes.normalised(
      'payload',
      row.payload ?? null,
      payload.value ?? {},
      'payload must be an object',
    );
  return done({
    id,
    userId: optionalRef(row, 'user_id', ids.users, notes),
    event: event.value,
    payload: payload.value ?? {},
    createdAt: date(row, 'created_at') ?? ids.now,
  });
};

export interface AuditRow {
  id: number;
  adminUserId: number | null;
  action: string;
  resourceType: string | null;
  resourceId: number | null;
  details: JsonValue;
  createdAt: Date;
}

/** `admin_audit_logs` (C12: the TEXT `details` is parsed to jsonb). */
export const mapAudit = (row: SourceRow, ids: ImportedIds): RowResult<AuditRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('admin_audit_logs', id);
  const action = str(row, 'action');
  if (id === null || action === null)
    return { row: notes.reject('no id or action'), findings: notes.findings };
  return {
    row: {
      id,
      adminUserId: optionalRef(row, 'admin_user_id', ids.users, notes),
      action: action.slice(0, 50),
      resourceType: str(row, 'resource_type')?.slice(0, 30) ?? null,
      resourceId: int(row, 'resource_id'),
      details: notes.mapped(
        'details',
        str(row, 'details'),
        mapAuditDetails(str(row, 'details')),
        'not JSON: kept as a JSON string',
      ),
      createdAt: date(row, 'created_at') ?? ids.now,
    },
    findings: notes.findings,
  };
};
