/**
 * The known settings (spec/data-model.md §5.2) with their typed defaults and bounds. The default
 * rows are inserted by reference/apply.ts when missing and never overwritten, so an admin's value
 * survives every deploy. Changing a default here does not change an existing row; bump
 * REFERENCE_DATA_VERSION anyway.
 */
export type SettingDefinition =
  | {
      key: string;
      type: 'bool';
      defaultValue: boolean;
      category: SettingCategory;
      description: string;
    }
  | {
      key: string;
      type: 'int';
      defaultValue: number;
      min: number;
      max: number;
      category: SettingCategory;
      description: string;
    };

/** Stored in `settings.category`, as the legacy admin wrote it. */
export type SettingCategory = 'système' | 'features' | 'limites';

export const SETTING_DEFINITIONS = [
  {
    key: 'maintenance_mode',
    type: 'bool',
    defaultValue: false,
    category: 'système',
    description: 'Mode maintenance',
  },
  {
    key: 'registration_enabled',
    type: 'bool',
    defaultValue: true,
    category: 'système',
    description: 'Inscriptions ouvertes',
  },
  {
    key: 'feature_ai_challenges_enabled',
    type: 'bool',
    defaultValue: true,
    category: 'features',
    description: 'Défis IA activés',
  },
  {
    key: 'feature_chat_enabled',
    type: 'bool',
    defaultValue: true,
    category: 'features',
    description: 'Chat IA activé',
  },
  {
    key: 'max_generations_per_user_per_hour',
    type: 'int',
    defaultValue: 20,
    min: 1,
    max: 100,
    category: 'limites',
    description: 'Générations max/user/heure',
  },
  {
    key: 'max_ai_generations_per_user_per_day',
    type: 'int',
    defaultValue: 50,
    min: 1,
    max: 1000,
    category: 'limites',
    description: 'Générations IA max/user/jour',
  },
  {
    key: 'max_chat_messages_per_user_per_day',
    type: 'int',
    defaultValue: 200,
    min: 1,
    max: 5000,
    category: 'limites',
    description: 'Messages chat IA max/user/jour',
  },
  {
    key: 'max_export_rows',
    type: 'int',
    defaultValue: 10000,
    min: 100,
    max: 100000,
    category: 'limites',
    description: 'Lignes max export CSV',
  },
] as const satisfies readonly SettingDefinition[];

export type SettingKey = (typeof SETTING_DEFINITIONS)[number]['key'];

/** A `settings` row as inserted by the reference data. */
export interface DefaultSettingRow {
  key: SettingKey;
  value: string;
  description: string;
  category: SettingCategory;
  isSystem: boolean;
  isPublic: boolean;
}

/** `value` is stored as text: `true`/`false` or an integer string, as the legacy admin wrote it. */
export const serializeSettingValue = (value: boolean | number): string =>
  typeof value === 'boolean' ? (value ? 'true' : 'false') : String(Math.trunc(value));

/** The default rows, flagged like the legacy admin's rows (system, not public). */
export const DEFAULT_SETTING_ROWS: readonly DefaultSettingRow[] = SETTING_DEFINITIONS.map(
  (def) => ({
    key: def.key,
    value: serializeSettingValue(def.defaultValue),
    description: def.description,
    category: def.category,
    isSystem: true,
    isPublic: false,
  }),
);
