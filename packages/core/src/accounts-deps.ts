import type { Logger } from 'pino';

import type { SessionCache } from './auth/session-cache.ts';
import type { Clock } from './clock.ts';
import type { CoreConfig } from './config.ts';
import type { Database } from './db/types.ts';
import type { Mailer } from './mail/mailer.ts';
import type { RateLimitService } from './rate-limit/rate-limit.service.ts';
import type { PasswordHasher } from './security/password-hasher.ts';
import type { SettingsService } from './settings/settings.service.ts';

/** What the accounts services (auth, users) share, resolved once by createCore. */
export interface AccountsDeps {
  db: Database;
  log: Logger;
  clock: Clock;
  config: CoreConfig;
  hasher: PasswordHasher;
  mailer: Mailer;
  rateLimits: RateLimitService;
  settings: SettingsService;
  sessionCache: SessionCache;
  /** Counts a failed mail send (a Prometheus counter in the server). */
  onMailFailure?: (kind: 'verification' | 'password_reset') => void;
  /** Test hook: receives each background send so a test can await it. */
  trackMail?: (sending: Promise<void>) => void;
}
