// Reference data: the badge catalogue, the badge requirement format and the default settings, the
// idempotent loader that writes them, database provisioning (migrations then reference data) and the
// development demo data. Public surface of the feature.
export {
  applyReferenceData,
  badgeSelect,
  REFERENCE_DATA_VERSION,
  type ApplyReferenceDataResult,
} from './apply.ts';
export { BADGE_CATALOGUE, type BadgeDefinition } from './badges.ts';
export {
  parseBadgeRequirement,
  PERFECT_DAY_MIN_ATTEMPTS,
  toBadgeRequirementsJson,
  type BadgeRequirement,
  type BadgeRequirementsJson,
  type BadgeRequirementType,
} from './badge-requirements.ts';
export {
  DEFAULT_SETTING_ROWS,
  SETTING_DEFINITIONS,
  type SettingDefinition,
  type SettingKey,
} from './settings.ts';
export { migrateDatabase, type MigrateDatabaseResult } from './provision.ts';
export { DEMO_ACCOUNT, seedDemo, type DemoActivity } from './demo-seed.ts';
