// The platform settings (maintenance, registration switch, limits), read through a short cache.
// Public surface of the feature.
export {
  makeSettingsService,
  SETTINGS_CACHE_MS,
  type SettingsService,
} from './settings.service.ts';
export { isTruthySetting } from './settings.rules.ts';
