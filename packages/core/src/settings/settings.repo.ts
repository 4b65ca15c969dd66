import type { Db } from '../db/types.ts';

export const findSettingValue = async (db: Db, key: string): Promise<string | null | undefined> => {
  const row = await db.setting.findUnique({ where: { key }, select: { value: true } });
  return row === null ? undefined : row.value;
};

export const upsertSettingValue = async (db: Db, key: string, value: string): Promise<void> => {
  await db.setting.upsert({
    where: { key },
    create: { key, value, isSystem: true, isPublic: false },
    update: { value },
  });
};
