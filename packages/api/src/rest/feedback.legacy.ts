/** The legacy wire of POST /api/feedback (api-rest-core §6.8.2); the body schema is core's. */
import { z } from 'zod';

import { wire } from '../legacy/wire.ts';

export { ZLegacyFeedbackBody } from '@mathakine/core';

export const ZLegacyFeedbackResponse = wire({
  success: z.literal(true),
  id: z.number(),
  message: z.string(),
});
