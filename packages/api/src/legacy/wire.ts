/**
 * Building blocks of the legacy response schemas: what a body looks like on the wire, after the writer
 * (`toLegacyJson`). Objects are strict so a stray field fails the test-time reply check.
 */
import { z } from 'zod';

/** An object with exactly these keys. */
export const wire = z.strictObject;

/** Python `datetime.isoformat()` of a UTC time (`pyIsoformat`). */
export const ZPyDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/)
  .meta({ format: 'date-time' });

/** A Python float (`pyFloat`): always written with a decimal point or an exponent. */
export const ZPyFloat = z.number().meta({ format: 'double' });

/** A free-form JSON object stored for the user (preferences, device data). */
export const ZJsonObject = z.record(z.string(), z.unknown());

/** `{"message": "..."}`. */
export const ZMessageBody = wire({ message: z.string() });

/** `{"success": true|false, "message": "..."}`. */
export const ZSuccessMessageBody = wire({ success: z.boolean(), message: z.string() });
