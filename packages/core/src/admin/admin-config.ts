import { insertAuditEntry, summariseChanges, toAuditJson } from '../audit/index.ts';
import { requireAdmin } from '../kernel/authz.ts';
import type { Ctx } from '../kernel/deps.ts';
import { SETTING_DEFINITIONS } from '../reference/index.ts';
import type { AdminDeps } from './admin-deps.ts';
import { parseAdminInput } from './admin-input.ts';
import { findSettingRows, upsertSetting } from './admin.repo.ts';
import { settingValueOf, storedSettingValue } from './admin.rules.ts';
import {
  ZAdminUpdateConfigInput,
  type AdminConfigDto,
  type AdminSettingDto,
  type AdminStatusOkDto,
  type AdminUpdateConfigInput,
} from './admin.schemas.ts';

const KEYS = SETTING_DEFINITIONS.map((d) => d.key);
const DEFINITIONS = new Map<string, (typeof SETTING_DEFINITIONS)[number]>(
  SETTING_DEFINITIONS.map((d) => [d.key, d]),
);

const storedValues = async (deps: Pick<AdminDeps, 'db'>) =>
  new Map(
    (await findSettingRows(deps.db.prisma, KEYS)).map((row) => [row.key, row.value] as const),
  );

/** §6.14 GET: every known setting, in the reference order, with its effective value and bounds. */
export const makeGetConfig =
  (deps: Pick<AdminDeps, 'db'>) =>
  async (ctx: Ctx): Promise<AdminConfigDto> => {
    requireAdmin(ctx);
    const stored = await storedValues(deps);
    return {
      settings: SETTING_DEFINITIONS.map((d): AdminSettingDto => ({
        key: d.key,
        value: settingValueOf(d, stored.get(d.key)),
        type: d.type,
        category: d.category,
        label: d.description,
        min: d.type === 'int' ? d.min : null,
        max: d.type === 'int' ? d.max : null,
      })),
    };
  };

/**
 * §6.14 PUT: each known key stored per its type (bools strict, ints clamped); unknown keys ignored but
 * listed in the `config_update` entry, which commits with the values. After the commit this process's
 * settings cache is dropped, so every setting applies on the next request here (within the cache delay,
 * `SETTINGS_CACHE_MS`, on other instances).
 */
export const makeUpdateConfig =
  (deps: Pick<AdminDeps, 'db' | 'clock' | 'settings'>) =>
  async (ctx: Ctx, input: AdminUpdateConfigInput): Promise<AdminStatusOkDto> => {
    const admin = requireAdmin(ctx);
    const { settings } = parseAdminInput(ZAdminUpdateConfigInput, input);
    const sentKeys = Object.keys(settings);
    const now = deps.clock.now();
    await deps.db.prisma.$transaction(async (tx) => {
      const before = new Map(
        (await findSettingRows(tx, KEYS)).map((row) => [row.key, row.value] as const),
      );
      const after: Record<string, string> = {};
      for (const key of sentKeys) {
        const definition = DEFINITIONS.get(key);
        if (!definition) continue;
        const value = storedSettingValue(definition, settings[key]);
        after[key] = value;
        await upsertSetting(tx, {
          key,
          value,
          category: definition.category,
          description: definition.description,
        });
      }
      await insertAuditEntry(
        tx,
        admin.actor.userId,
        {
          action: 'config_update',
          resourceType: 'settings',
          resourceId: null,
          details: {
            updated_keys: sentKeys,
            changes: toAuditJson(summariseChanges(Object.fromEntries(before), after)),
          },
        },
        now,
      );
    });
    deps.settings.clearCache();
    return { status: 'ok' };
  };
