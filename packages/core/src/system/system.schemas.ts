import { z } from 'zod';

export const ZPingInput = z.object({ echo: z.string().max(200).optional() }).optional();
export type PingInput = z.infer<typeof ZPingInput>;

export interface PingDto {
  pong: true;
  echo: string | null;
  serverTime: string;
}

export interface ReadinessDto {
  ready: boolean;
  checks: { database: 'ok' | 'down' };
}
