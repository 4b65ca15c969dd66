export type {
  AiConfig,
  AiModels,
  AppConfig,
  ConfigIssue,
  EnvSource,
  LogLevel,
  SmtpConfig,
} from './types.ts';
export { AI_DEFAULT_MODELS } from './ai.ts';
export { LOG_LEVELS } from './types.ts';
export {
  ConfigError,
  formatConfigError,
  loadConfig,
  loadConfigOrExit,
  type ExitIo,
  type LoadConfigOptions,
} from './load.ts';
export { buildCorsOrigins, DEV_ORIGINS, RENDER_FRONTEND_ORIGIN } from './cors.ts';
export { detectProduction, detectTest } from './detect.ts';
export { adminPasswordProblem, secretKeyProblem } from './secrets.ts';
