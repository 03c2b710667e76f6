// What every core service receives: the store, a clock, a logger, the kiosk's settings and
// the event bus. Tests build these with a real SQLite file and a controllable clock.
import type { LocalStore } from '../db/local/connection.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../log.js';
import type { PunchPolicy } from '../../shared/domain/punch-rules.js';
import type { AutoCheckoutRule } from '../../shared/domain/auto-checkout.js';
import type { AiStore } from './ai/ai-config.js';
import type { PinGate } from './punches/pin-gate.js';
import type { SharedLockout } from './punches/shared-lockout.js';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface KioskIdentity {
  deviceId: string;
  siteId: string;
  siteName: string;
  tz: string;
  /** The Frontdesk Central this kiosk is enrolled with (its console's URL and the kiosk's name there); null otherwise. */
  central: { url: string; name: string } | null;
}

export interface ServiceDeps {
  store: LocalStore;
  clock: Clock;
  log: Logger;
  events: EventBus;
  policy: PunchPolicy;
  /** When forgotten OUTs are closed automatically (FRONTDESK_AUTO_CHECKOUT; off by default). */
  autoCheckout: AutoCheckoutRule;
  kiosk: KioskIdentity;
  /** The AI endpoint as configured now (environment, else the secrets file); read per call. */
  ai: AiStore;
  /** Where PIN checks (slow hashes) wait their turn: bounded, one per employee, round robin. */
  pinGate: PinGate;
  /** The wrong-PIN count every kiosk shares, kept at central. */
  sharedLockout: SharedLockout;
  /** The key of the roster's PIN verifiers, from the device credential of a kiosk enrolled with Central; null otherwise. */
  pinKey: Buffer | null;
}

/**
 * What the services over central data need: no local store, no kiosk. Central passes these; a
 * kiosk passes its own deps (a superset). `kiosk.tz` is the zone used when nothing names one;
 * `kiosk.siteId` is the site given to a correction for an employee with no team.
 */
export type CentralDeps = Pick<ServiceDeps, 'clock' | 'log' | 'policy' | 'autoCheckout' | 'ai'> & { kiosk: Pick<KioskIdentity, 'tz' | 'siteId'> };
