// Push events: named in the past tense, each with a zod payload. Hosts forward them to the
// renderer (IPC `on`, HTTP server-sent events); zustand stores subscribe.
import { z } from 'zod';
import { ReceiptSchema } from './punches.js';
import { SyncStatusSchema } from './sync.js';

export const events = {
  'punches.recorded': ReceiptSchema,
  'sync.statusChanged': SyncStatusSchema,
  'kiosk.exited': z.object({ managerName: z.string() }),
  /** The kiosk was enrolled with Frontdesk Central from its screen: its host starts again, syncing through Central. */
  'kiosk.enrolled': z.object({ name: z.string(), centralUrl: z.string() }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
