import type { Logger } from 'pino';

import type { Database } from '../db/types.ts';
import type { Clock } from '../kernel/clock.ts';
import { SETTING_DEFINITIONS } from '../reference/index.ts';
import { findSettingValue, upsertSettingValue } from './settings.repo.ts';
import { isTruthySetting } from './settings.rules.ts';

type IntSetting = Extract<(typeof SETTING_DEFINITIONS)[number], { type: 'int' }>;
type IntSettingKey = IntSetting['key'];
const INT_SETTINGS = Object.fromEntries(
  SETTING_DEFINITIONS.filter((d): d is IntSetting => d.type === 'int').map((d) => [d.key, d]),
) as Record<IntSettingKey, IntSetting>;

/** How long a switch is served from memory: maintenance is not read on every request (platform §2.15). */
export const SETTINGS_CACHE_MS = 5_000;

/**
 * The server-side switches of api-rest-core §2.10, read through a short per-process cache. A failed
 * read counts as "absent" (maintenance off, registration open), as the legacy did.
 */
export const makeSettingsService = (deps: { db: Database; clock: Clock; log: Logger }) => {
  const cache = new Map<string, { value: string | null | undefined; until: number }>();

  const read = async (key: string): Promise<string | null | undefined> => {
    const now = deps.clock.now().getTime();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.value;
    let value: string | null | undefined;
    try {
      value = await findSettingValue(deps.db.prisma, key);
    } catch (err) {
      deps.log.warn({ err, key }, 'setting read failed: using its default');
      value = undefined;
    }
    cache.set(key, { value, until: now + SETTINGS_CACHE_MS });
    return value;
  };

  const bool = async (key: string, defaultValue: boolean): Promise<boolean> => {
    const value = await read(key);
    return value === undefined || value === null ? defaultValue : isTruthySetting(value);
  };

  /** An integer setting: its stored value clamped to the reference bounds, the reference default otherwise. */
  const int = async (key: IntSettingKey): Promise<number> => {
    const definition = INT_SETTINGS[key];
    const raw = await read(key);
    const n = raw === null || raw === undefined ? Number.NaN : Number.parseInt(raw.trim(), 10);
    if (!Number.isFinite(n)) return definition.defaultValue;
    return Math.min(definition.max, Math.max(definition.min, n));
  };

  return {
    isMaintenanceMode: () => bool('maintenance_mode', false),
    /** `max_generations_per_user_per_hour` (X19: stored by the admin, enforced by the generator). */
    maxGenerationsPerUserPerHour: () => int('max_generations_per_user_per_hour'),
    /** `max_ai_generations_per_user_per_day`: AI exercise and challenge generations per user per day. */
    maxAiGenerationsPerUserPerDay: () => int('max_ai_generations_per_user_per_day'),
    /** `max_chat_messages_per_user_per_day`: tutor chat messages per user per day. */
    maxChatMessagesPerUserPerDay: () => int('max_chat_messages_per_user_per_day'),
    /** `max_export_rows` (X19): the CSV export stops after this many rows. */
    maxExportRows: () => int('max_export_rows'),
    isRegistrationEnabled: () => bool('registration_enabled', true),
    /** `feature_chat_enabled` (X19): the tutor chat answers only while it is on. */
    isChatEnabled: () => bool('feature_chat_enabled', true),
    /** `feature_ai_challenges_enabled` (X19): AI challenge generation answers only while it is on. */
    isAiChallengesEnabled: () => bool('feature_ai_challenges_enabled', true),
    /** Writes a switch and drops this process's cached copy (other instances see it within the TTL). */
    setSwitch: async (
      key: 'maintenance_mode' | 'registration_enabled',
      value: boolean,
    ): Promise<void> => {
      await upsertSettingValue(deps.db.prisma, key, value ? 'true' : 'false');
      cache.delete(key);
    },
    clearCache: () => {
      cache.clear();
    },
  };
};

export type SettingsService = ReturnType<typeof makeSettingsService>;
