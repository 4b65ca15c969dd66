import { z } from 'zod';

/** The largest PostgreSQL `integer` (int4): every id column of the schema. */
export const DB_ID_MAX = 2_147_483_647;

/** Whether a value can be a row id: an integer in 1..2³¹−1 (anything else cannot exist). */
export const isDbId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= DB_ID_MAX;

/** A row id in an input: beyond int4 a query would fail in the driver instead of finding nothing. */
export const ZDbId = z.int().min(1).max(DB_ID_MAX);
