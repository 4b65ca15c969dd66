import type { EdtechEventType, Prisma } from '../db/generated/client.ts';
import type { Db } from '../db/types.ts';

export const edtechEventIdSelect = { id: true } as const satisfies Prisma.EdtechEventSelect;

/** One INSERT … RETURNING id: the hot path reads nothing. */
export const insertEdtechEvent = async (
  db: Db,
  data: {
    userId: number;
    event: EdtechEventType;
    payload: Prisma.InputJsonObject;
    createdAt: Date;
  },
): Promise<number> => (await db.edtechEvent.create({ data, select: edtechEventIdSelect })).id;
