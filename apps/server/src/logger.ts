import { pino, type Logger } from 'pino';

/**
 * Secrets never reach the logs (platform §3.3, audit PII-1/X8): credentials in headers, passwords,
 * tokens and keys are censored wherever they appear in a logged object.
 */
export const REDACT_PATHS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'secretKey',
  'SECRET_KEY',
  'apiKey',
  '*.authorization',
  '*.cookie',
  '*["set-cookie"]',
  '*["x-csrf-token"]',
  '*.password',
  '*.hashed_password',
  '*.passwordHash',
  '*.token',
  '*.access_token',
  '*.refresh_token',
  '*.csrf_token',
  '*.refreshToken',
  '*.accessToken',
  '*.secretKey',
  '*.apiKey',
  'req.headers.authorization',
  'req.headers.cookie',
];

export const createLogger = (
  options: { level: string; service?: string },
  destination?: pino.DestinationStream,
): Logger =>
  pino(
    {
      level: options.level,
      base: { service: options.service ?? 'mathakine-api' },
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
