/** The legacy wire of POST /api/analytics/event (api-rest-core §6.8.1); the body schema is core's. */
import { z } from 'zod';

import { wire } from '../legacy/wire.ts';

export { ZLegacyEventBody } from '@mathakine/core';

export const ZLegacyEventResponse = wire({ ok: z.literal(true) });
