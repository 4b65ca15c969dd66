import type { Logger } from 'pino';

import type { AccountAdmin } from '../accounts/index.ts';
import type { Database } from '../db/types.ts';
import type { Clock } from '../kernel/clock.ts';
import type { SettingsService } from '../settings/index.ts';

/** What the back office's use cases receive from createCore. */
export interface AdminDeps {
  db: Database;
  log: Logger;
  clock: Clock;
  settings: SettingsService;
  accounts: AccountAdmin;
}
