import { describe, expect, it } from 'vitest';

import { SETTING_DEFINITIONS } from '../reference/index.ts';
import {
  createEdtechAggregator,
  settingValueOf,
  singleLine,
  storedSettingValue,
  successRatePct,
} from './admin.rules.ts';

const def = (key: string) => {
  const found = SETTING_DEFINITIONS.find((d) => d.key === key);
  if (!found) throw new Error(key);
  return found;
};
const HOURLY = def('max_generations_per_user_per_hour');
const CHAT = def('feature_chat_enabled');

describe('settingValueOf (§6.14 GET)', () => {
  it('reads booleans as truthy text and integers within bounds', () => {
    for (const [stored, expected] of [
      ['true', true],
      [' On ', true],
      ['YES', true],
      ['1', true],
      ['false', false],
      ['oui', false],
      [null, true],
      [undefined, true],
    ] as const) {
      expect(settingValueOf(CHAT, stored), String(stored)).toBe(expected);
    }
    for (const [stored, expected] of [
      ['7', 7],
      [' 42 ', 42],
      ['0', 20],
      ['-3', 20],
      ['101', 100],
      ['99999999999', 100],
      ['7.5', 20],
      ['abc', 20],
      [null, 20],
    ] as const) {
      expect(settingValueOf(HOURLY, stored), String(stored)).toBe(expected);
    }
  });
});

describe('storedSettingValue (§6.14 PUT)', () => {
  it('stores booleans strictly and integers truncated and clamped', () => {
    for (const [sent, expected] of [
      [true, 'true'],
      ['true', 'true'],
      ['1', 'true'],
      [1, 'true'],
      ['True', 'false'],
      ['yes', 'false'],
      [2, 'false'],
      [null, 'false'],
      [{}, 'false'],
    ] as const) {
      expect(storedSettingValue(CHAT, sent), JSON.stringify(sent)).toBe(expected);
    }
    for (const [sent, expected] of [
      [7.9, '7'],
      [-7.9, '1'],
      ['12', '12'],
      ['500', '100'],
      [0, '1'],
      [true, '20'],
      [null, '20'],
      ['douze', '20'],
      [Number.NaN, '20'],
      [[3], '20'],
    ] as const) {
      expect(storedSettingValue(HOURLY, sent), JSON.stringify(sent)).toBe(expected);
    }
  });
});

describe('report and export helpers', () => {
  it('rounds the success rate to one decimal, 0 without attempts', () => {
    expect(successRatePct(2, 3)).toBe(66.7);
    expect(successRatePct(1, 8)).toBe(12.5);
    expect(successRatePct(0, 0)).toBe(0);
  });

  it('turns line breaks into spaces', () => {
    expect(singleLine('a\nb\r\nc\rd')).toBe('a b c d');
  });
});

describe('createEdtechAggregator (§6.16)', () => {
  it('counts per event, averages the time to the first attempt, summarises the clicks', () => {
    const agg = createEdtechAggregator();
    agg.add({ userId: 1, event: 'quick_start_click', payload: { type: 'exercise', guided: true } });
    agg.add({ userId: 1, event: 'quick_start_click', payload: { type: 'challenge' } });
    agg.add({ userId: 2, event: 'quick_start_click', payload: { guided: true } });
    agg.add({
      userId: null,
      event: 'first_attempt',
      payload: { type: 'exercise', timeToFirstAttemptMs: 1 },
    });
    agg.add({
      userId: 3,
      event: 'first_attempt',
      payload: { type: 'exercise', timeToFirstAttemptMs: 2 },
    });
    agg.add({ userId: 3, event: 'first_attempt', payload: { timeToFirstAttemptMs: 'x' } });
    expect(agg.result()).toEqual({
      aggregates: {
        quick_start_click: { count: 3, avgTimeToFirstAttemptMs: null },
        first_attempt: {
          count: 3,
          avgTimeToFirstAttemptMs: 2,
          byType: { exercise: 2, challenge: 0 },
        },
      },
      ctrSummary: {
        totalClicks: 3,
        guidedClicks: 2,
        guidedRatePct: 66.7,
        byType: { exercise: 1, challenge: 1 },
      },
      uniqueUsers: 3,
    });
    expect(createEdtechAggregator().result()).toEqual({
      aggregates: {},
      ctrSummary: null,
      uniqueUsers: 0,
    });
  });
});
