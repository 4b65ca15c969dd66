/**
 * Pure rules of the back office: how a setting is shown and stored (api-rest-challenges-admin §6.14),
 * the report's rate, the EdTech aggregates (§6.16) and the export's cells (§7.3).
 */
import { pyRound } from '../lib/py-round.ts';
import type { SettingDefinition } from '../reference/index.ts';
import { isTruthySetting } from '../settings/index.ts';

const INTEGER = /^\s*[+-]?\d+\s*$/;

/** GET: a bool is truthy text; an int below min is the default, above max is max; anything else the default. */
export const settingValueOf = (
  definition: SettingDefinition,
  stored: string | null | undefined,
): boolean | number => {
  if (definition.type === 'bool') {
    return stored === null || stored === undefined
      ? definition.defaultValue
      : isTruthySetting(stored);
  }
  if (stored === null || stored === undefined || !INTEGER.test(stored)) {
    return definition.defaultValue;
  }
  const n = Number.parseInt(stored.trim(), 10);
  if (n < definition.min) return definition.defaultValue;
  return Math.min(n, definition.max);
};

/**
 * PUT: what is stored for a value sent. Bool: `true`, `"true"`, `"1"` or `1` → `"true"`, anything else
 * `"false"`. Int: a boolean or null → the default; a number truncated, a string of digits parsed, anything
 * else → the default; then clamped to [min, max].
 */
export const storedSettingValue = (definition: SettingDefinition, sent: unknown): string => {
  if (definition.type === 'bool') {
    return sent === true || sent === 'true' || sent === '1' || sent === 1 ? 'true' : 'false';
  }
  let n: number = definition.defaultValue;
  if (typeof sent === 'number' && Number.isFinite(sent)) n = Math.trunc(sent);
  else if (typeof sent === 'string' && INTEGER.test(sent)) n = Number.parseInt(sent.trim(), 10);
  return String(Math.min(definition.max, Math.max(definition.min, n)));
};

/** correct ÷ total × 100, one decimal; 0 without attempts. */
export const successRatePct = (correct: number, total: number): number =>
  total === 0 ? 0 : pyRound((correct / total) * 100, 1);

/** A cell's text with line breaks replaced by spaces (exercise titles, §7.3). */
export const singleLine = (text: string): string => text.replace(/\r\n|\r|\n/g, ' ');

export interface EdtechEventRow {
  userId: number | null;
  event: 'quick_start_click' | 'first_attempt';
  payload: Record<string, unknown>;
}

interface Aggregate {
  count: number;
  avgTimeToFirstAttemptMs: number | null;
  byType?: { exercise: number; challenge: number };
}

const targetKind = (payload: Record<string, unknown>): 'exercise' | 'challenge' | null =>
  payload.type === 'exercise' || payload.type === 'challenge' ? payload.type : null;

/**
 * §6.16 aggregates over every event of the window: per event name its count and average
 * `timeToFirstAttemptMs` (rounded to the unit; null when none), `first_attempt` by target type; the click
 * summary (null when there were no clicks); the distinct users.
 */
export const createEdtechAggregator = () => {
  const aggregates: Record<string, Aggregate> = {};
  const times = new Map<string, { sum: number; n: number }>();
  let totalClicks = 0;
  let guidedClicks = 0;
  const clicksByType = { exercise: 0, challenge: 0 };
  const firstByType = { exercise: 0, challenge: 0 };
  const users = new Set<number>();
  const add = (row: EdtechEventRow): void => {
    if (row.userId !== null) users.add(row.userId);
    const aggregate = (aggregates[row.event] ??= { count: 0, avgTimeToFirstAttemptMs: null });
    aggregate.count += 1;
    const ms = row.payload.timeToFirstAttemptMs;
    if (typeof ms === 'number' && Number.isFinite(ms)) {
      const total = times.get(row.event) ?? { sum: 0, n: 0 };
      times.set(row.event, { sum: total.sum + ms, n: total.n + 1 });
    }
    const kind = targetKind(row.payload);
    if (row.event === 'quick_start_click') {
      totalClicks += 1;
      if (row.payload.guided === true) guidedClicks += 1;
      if (kind) clicksByType[kind] += 1;
    } else if (kind) {
      firstByType[kind] += 1;
    }
  };
  const result = () => {
    for (const [event, total] of times) {
      const aggregate = aggregates[event];
      if (aggregate && total.n > 0)
        aggregate.avgTimeToFirstAttemptMs = pyRound(total.sum / total.n);
    }
    const first = aggregates.first_attempt;
    if (first) first.byType = firstByType;
    const ctrSummary =
      totalClicks === 0
        ? null
        : {
            totalClicks,
            guidedClicks,
            guidedRatePct: pyRound((guidedClicks / totalClicks) * 100, 1),
            byType: clicksByType,
          };
    return { aggregates, ctrSummary, uniqueUsers: users.size };
  };
  return { add, result };
};
