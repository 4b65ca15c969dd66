import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';

import { getTestDb, movableClock, resetDb } from '../testing/index.ts';
import { makeSettingsService, SETTINGS_CACHE_MS } from './settings.service.ts';

const log = pino({ level: 'silent' });

beforeEach(async () => {
  await resetDb((await getTestDb()).prisma);
});

const setValue = async (key: string, value: string | null) => {
  const { prisma } = await getTestDb();
  await prisma.setting.update({ where: { key }, data: { value } });
};

describe('settings service', () => {
  it('clamps integer settings to their reference bounds and falls back to the default', async () => {
    const { db } = await getTestDb();
    const clock = movableClock();
    const settings = makeSettingsService({ db, log, clock });
    expect(await settings.maxGenerationsPerUserPerHour()).toBe(20);
    for (const [stored, expected] of [
      ['500', 100],
      ['0', 1],
      [' 7 ', 7],
      ['beaucoup', 20],
      [null, 20],
    ] as const) {
      await setValue('max_generations_per_user_per_hour', stored);
      clock.advance(SETTINGS_CACHE_MS + 1);
      expect(await settings.maxGenerationsPerUserPerHour(), String(stored)).toBe(expected);
    }
  });

  it('serves switches from a short cache instead of reading on every call', async () => {
    const { db } = await getTestDb();
    const clock = movableClock();
    const settings = makeSettingsService({ db, log, clock });
    expect(await settings.isMaintenanceMode()).toBe(false);
    await setValue('maintenance_mode', 'true');
    expect(await settings.isMaintenanceMode()).toBe(false);
    clock.advance(SETTINGS_CACHE_MS + 1);
    expect(await settings.isMaintenanceMode()).toBe(true);
  });
});
