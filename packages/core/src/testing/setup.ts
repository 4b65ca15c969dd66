// vitest setupFiles entry for database projects: disposes the file's test database (getTestDb) after the file.
import { afterAll } from 'vitest';

import { disposeTestDb } from './db.ts';

afterAll(async () => {
  await disposeTestDb();
});
