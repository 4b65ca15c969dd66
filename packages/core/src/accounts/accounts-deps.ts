import type { Logger } from 'pino';

import type { Database } from '../db/types.ts';
import type { Clock } from '../kernel/clock.ts';
import type { CoreConfig } from '../kernel/config.ts';
import type { Mailer, PasswordHasher } from '../kernel/ports.ts';
import type { RateLimitService } from '../rate-limit/index.ts';
import type { SettingsService } from '../settings/index.ts';
import type { SessionCache } from './session-cache.ts';

/** What createCore hands the accounts feature: the process-wide dependencies it uses, resolved. */
export interface AccountsPorts {
  db: Database;
  log: Logger;
  clock: Clock;
  config: CoreConfig;
  hasher: PasswordHasher;
  mailer: Mailer;
  rateLimits: RateLimitService;
  settings: Pick<SettingsService, 'isRegistrationEnabled'>;
  /** Counts a failed mail send (a Prometheus counter in the server). */
  onMailFailure?: (kind: 'verification' | 'password_reset') => void;
  /** Test hook: receives each background send so a test can await it. */
  trackMail?: (sending: Promise<void>) => void;
}

/** What every accounts use case receives: the ports plus the feature's own per-process session cache. */
export interface AccountsDeps extends AccountsPorts {
  sessionCache: SessionCache;
}
