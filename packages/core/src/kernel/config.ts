import { loadConfig, type AppConfig } from '@mathakine/config';

/** The slice of the configuration core reads (STYLE.md rule 4: core never reads the environment). */
export type CoreConfig = Pick<AppConfig, 'secretKey' | 'auth' | 'rateLimits' | 'admin'> & {
  mail: Pick<AppConfig['mail'], 'linkBaseUrl'>;
};

/**
 * For harnesses that pass no configuration: the configuration package's own development defaults (one
 * source of truth for every default; a random per-process secret). Never reads the process environment.
 */
export const defaultCoreConfig = (): CoreConfig => loadConfig({});
