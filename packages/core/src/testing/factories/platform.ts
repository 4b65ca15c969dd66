import type { Prisma } from '../../db/generated/client.ts';
import { createArchiviste } from './accounts.ts';
import { uniqueSuffix, type FactoryDb } from './shared.ts';

// ---------------------------------------------------------------------------------------------
// Administration and analytics
// ---------------------------------------------------------------------------------------------

export const settingFactorySelect = {
  id: true,
  key: true,
  value: true,
  category: true,
} as const satisfies Prisma.SettingSelect;

export type FactorySetting = Prisma.SettingGetPayload<{ select: typeof settingFactorySelect }>;

/** A setting with a unique test key (use the reference data for the real keys). */
export const createSetting = async (
  db: FactoryDb,
  overrides: Partial<Prisma.SettingUncheckedCreateInput> = {},
): Promise<FactorySetting> =>
  db.setting.create({
    data: {
      key: `test_setting_${uniqueSuffix()}`,
      value: 'true',
      category: 'features',
      ...overrides,
    },
    select: settingFactorySelect,
  });

/** Sets a real setting's stored value (the reference data inserted the row; a new one is created otherwise). */
export const setSettingValue = async (db: FactoryDb, key: string, value: string): Promise<void> => {
  await db.setting.upsert({
    where: { key },
    create: { key, value, category: 'features' },
    update: { value },
  });
};

export const auditLogFactorySelect = {
  id: true,
  adminUserId: true,
  action: true,
  resourceType: true,
  resourceId: true,
  createdAt: true,
} as const satisfies Prisma.AdminAuditLogSelect;

export type FactoryAuditLog = Prisma.AdminAuditLogGetPayload<{
  select: typeof auditLogFactorySelect;
}>;

export const createAuditLog = async (
  db: FactoryDb,
  overrides: Partial<Prisma.AdminAuditLogUncheckedCreateInput> = {},
): Promise<FactoryAuditLog> => {
  const adminUserId =
    overrides.adminUserId === undefined ? (await createArchiviste(db)).id : overrides.adminUserId;
  return db.adminAuditLog.create({
    data: {
      action: 'config_update',
      resourceType: 'settings',
      details: { updated_keys: ['maintenance_mode'] },
      ...overrides,
      adminUserId,
    },
    select: auditLogFactorySelect,
  });
};

export const feedbackReportFactorySelect = {
  id: true,
  userId: true,
  feedbackType: true,
  status: true,
  exerciseId: true,
  challengeId: true,
} as const satisfies Prisma.FeedbackReportSelect;

export type FactoryFeedbackReport = Prisma.FeedbackReportGetPayload<{
  select: typeof feedbackReportFactorySelect;
}>;

/** Anonymous `OTHER` feedback unless overridden. */
export const createFeedbackReport = async (
  db: FactoryDb,
  overrides: Partial<Prisma.FeedbackReportUncheckedCreateInput> = {},
): Promise<FactoryFeedbackReport> =>
  db.feedbackReport.create({
    data: {
      feedbackType: 'OTHER',
      pageUrl: '/dashboard',
      description: `Retour ${uniqueSuffix()}`,
      ...overrides,
    },
    select: feedbackReportFactorySelect,
  });

export const edtechEventFactorySelect = {
  id: true,
  userId: true,
  event: true,
  createdAt: true,
} as const satisfies Prisma.EdtechEventSelect;

export type FactoryEdtechEvent = Prisma.EdtechEventGetPayload<{
  select: typeof edtechEventFactorySelect;
}>;

export const createEdtechEvent = async (
  db: FactoryDb,
  overrides: Partial<Prisma.EdtechEventUncheckedCreateInput> = {},
): Promise<FactoryEdtechEvent> =>
  db.edtechEvent.create({
    data: {
      event: 'QUICK_START_CLICK',
      payload: { type: 'exercise', guided: true },
      ...overrides,
    },
    select: edtechEventFactorySelect,
  });
