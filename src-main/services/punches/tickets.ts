// A ticket proves that an employee identified (badge or code + PIN) moments ago, so pressing
// IN or OUT needs no second PIN check and the tap commits at once. Tickets live in memory for
// two minutes: a restarted kiosk simply asks the employee to identify again.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../deps.js';

export const TICKET_TTL_MS = 120_000;
const SWEEP_ABOVE = 1000;

export interface TicketBook {
  issue(employeeId: string): string;
  /** The employee the ticket names, or undefined when unknown or expired. */
  redeem(ticket: string): string | undefined;
  /** Tickets held, lapsed ones not yet swept included (the book's memory). */
  size(): number;
}

export function createTicketBook(clock: Clock): TicketBook {
  const tickets = new Map<string, { employeeId: string; expiresAt: number }>();
  let nextSweepAt = 0;
  // Expired tickets are dropped in one pass over the book, at most once a second: a crowd
  // identifying at once costs one pass, not one per tap.
  const sweep = (now: number): void => {
    if (tickets.size <= SWEEP_ABOVE || now < nextSweepAt) return;
    nextSweepAt = now + 1000;
    for (const [t, v] of tickets) if (v.expiresAt <= now) tickets.delete(t);
  };
  return {
    issue(employeeId) {
      const now = clock.now();
      sweep(now);
      const ticket = randomBytes(18).toString('base64url');
      tickets.set(ticket, { employeeId, expiresAt: now + TICKET_TTL_MS });
      return ticket;
    },
    redeem(ticket) {
      const entry = tickets.get(ticket);
      if (!entry) return undefined;
      if (entry.expiresAt <= clock.now()) {
        tickets.delete(ticket);
        return undefined;
      }
      return entry.employeeId;
    },
    size: () => tickets.size,
  };
}
