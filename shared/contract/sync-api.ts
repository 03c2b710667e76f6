// The kiosk sync API, `/sync/v1`, between a kiosk and Frontdesk Central. A kiosk calls it with
// its device credential only; Central takes the kiosk's device and site from the credential,
// never from a payload. Every request names the protocol version it speaks in the
// `Frontdesk-Sync` header; Central serves its own minor version and the one before it.
import { z } from 'zod';
import { PunchKindSchema, WorkModeSchema } from './common.js';

export const SYNC_VERSION_HEADER = 'frontdesk-sync';

/** The protocol this build speaks. 1.0: push and roster. 1.1: heartbeats, shared PIN counts, clock offsets. */
export const SYNC_PROTOCOL = { major: 1, minor: 1 } as const;

export interface SyncProtocol {
  major: number;
  minor: number;
}

export const formatProtocol = (p: SyncProtocol): string => `${p.major}.${p.minor}`;

export function parseProtocol(text: string | undefined): SyncProtocol | null {
  const m = /^(\d{1,3})\.(\d{1,3})$/.exec(text?.trim() ?? '');
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

/** A code an admin types once on the kiosk: 4 groups of 4 letters and digits, easy to read aloud. */
export const EnrollCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[A-Z0-9]{16}$/, 'the enrollment code is 16 letters and digits (dashes may be left out)'));

/** Text PostgreSQL can store: no NUL (nor other control characters). */
const Text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 32 && c !== '\n' && c !== '\t'), 'control characters cannot be stored');

export const KioskNameSchema = z
  .string()
  .trim()
  .min(1, 'give the kiosk a name')
  .max(80, 'a kiosk name is at most 80 characters')
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 32), 'a kiosk name cannot hold control characters');

export const EnrollRequestSchema = z
  .object({
    code: EnrollCodeSchema,
    /** The kiosk's own device id (its punches carry it); Central keeps it for this kiosk alone. */
    deviceId: Text(100).pipe(z.string().min(8)),
    appVersion: Text(40),
  })
  .strict();

export const EnrollResponseSchema = z.object({
  kioskId: z.uuid(),
  name: z.string(),
  /** The device credential, shown this once. */
  credential: z.string(),
  /** Keys the PIN verifiers of the roster this kiosk receives (base64). */
  pinKey: z.string(),
  site: z.object({ id: z.uuid(), name: z.string(), tz: z.string() }),
  protocol: z.string(),
});

const EpochMs = z.number().int().min(-2_208_988_800_000).max(32_503_680_000_000);

export const SyncPunchSchema = z
  .object({
    id: z.uuid(),
    employeeId: z.uuid(),
    kind: PunchKindSchema,
    atUtc: EpochMs,
    workMode: WorkModeSchema,
    source: z.enum(['kiosk', 'import', 'correction']),
    createdAt: EpochMs,
  })
  .strict();

export const PushRequestSchema = z
  .object({
    /** The kiosk's clock when it sent this: Central records its own clock minus this on each punch. */
    sentAt: EpochMs,
    punches: z.array(SyncPunchSchema).min(1).max(5000),
  })
  .strict();

export const PushResponseSchema = z.object({
  /** Committed on Central (or already there): they may leave the kiosk's outbox. */
  accepted: z.array(z.string()),
  /** Refused for their own data or an unknown employee: held on the kiosk, recorded on Central. */
  rejected: z.array(z.object({ id: z.string(), reason: z.string() })),
  /** Punches whose kiosk clock was off by more than the drift limit, flagged for review. */
  clockFlagged: z.number().int(),
});

export const RosterEmployeeSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  team_id: z.uuid().nullable(),
  is_manager: z.boolean(),
  badge: z.string().nullable(),
  /** A PIN verifier keyed with the kiosk's PIN key: useless without it. */
  pin_hash: z.string(),
  active: z.boolean(),
  version: z.string(),
});

export const RosterResponseSchema = z.object({
  sites: z.array(z.object({ id: z.uuid(), name: z.string(), tz: z.string(), version: z.string() })),
  teams: z.array(z.object({ id: z.uuid(), name: z.string(), site_id: z.uuid(), version: z.string() })),
  employees: z.array(RosterEmployeeSchema),
  /** Employees changed since who are no longer of this site: the kiosk stops accepting their PINs. */
  removed: z.array(z.uuid()),
  /** The newest roster version Central holds: the kiosk's next `since`. */
  version: z.string(),
});

export const VerifyRequestSchema = z
  .object({
    days: z
      .array(z.object({ ids: z.array(z.uuid()).max(20_000), startMs: EpochMs, endMs: EpochMs }).strict())
      .min(1)
      .max(400),
  })
  .strict();

/** For each day asked, the ids Central holds of this kiosk's own punches. */
export const VerifyResponseSchema = z.object({ days: z.array(z.array(z.string())) });

export const PinClearResponseSchema = z.object({ cleared: z.literal(true) });

const Count = z.number().int().min(0).max(2_147_483_647);

export const HeartbeatRequestSchema = z
  .object({
    sentAt: EpochMs,
    /** The nonce of the last heartbeat's answer (null on a kiosk's first). */
    nonce: Text(100).nullable(),
    /** This heartbeat's attempt id, kept by the kiosk until an answer arrives: a retry of one whose answer was lost brings it again. */
    attempt: Text(100).nullable().optional(),
    appVersion: Text(40),
    schemaVersion: z.number().int().min(0).max(100_000),
    backlog: z.object({ count: Count, oldestAt: EpochMs.nullable() }).strict(),
    rejected: Count,
    lastError: Text(500).nullable(),
  })
  .strict();

export const HeartbeatResponseSchema = z.object({
  nonce: z.string(),
  centralTime: z.number().int(),
  /** Two kiosks use this credential (a copied data folder): both are flagged until an admin acts. */
  cloneSuspected: z.boolean(),
});

export const PinAttemptRequestSchema = z.object({ employeeId: z.uuid(), purpose: z.enum(['kiosk', 'manager']) }).strict();
export const PinAttemptResponseSchema = z.union([
  z.object({ locked: z.number().int() }),
  z.object({ counted: z.object({ failures: z.number().int(), lockedUntilMs: z.number().nullable() }) }),
]);
export const PinClearRequestSchema = z.object({ employeeId: z.uuid(), purpose: z.enum(['kiosk', 'manager']).optional() }).strict();

export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;
export type SyncPunch = z.infer<typeof SyncPunchSchema>;
export type PushResponse = z.infer<typeof PushResponseSchema>;
export type RosterResponse = z.infer<typeof RosterResponseSchema>;
export type HeartbeatRequest = z.infer<typeof HeartbeatRequestSchema>;
export type HeartbeatResponse = z.infer<typeof HeartbeatResponseSchema>;
