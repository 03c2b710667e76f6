import { describe, expect, it } from 'vitest';
import { createTicketBook, TICKET_TTL_MS } from '../../../src-main/services/punches/tickets.js';

function clockAt(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('ticket book', () => {
  it('names the employee until the ticket lapses, and never after', () => {
    const clock = clockAt(1_000_000);
    const book = createTicketBook(clock);
    const ticket = book.issue('emp-1');
    expect(book.redeem(ticket)).toBe('emp-1');
    expect(book.redeem(ticket)).toBe('emp-1'); // a second press of the same tap
    clock.advance(TICKET_TTL_MS - 1);
    expect(book.redeem(ticket)).toBe('emp-1');
    clock.advance(1);
    expect(book.redeem(ticket)).toBeUndefined();
    expect(book.redeem('made-up')).toBeUndefined();
  });

  it('keeps live tickets and drops lapsed ones through a crowd of identifications', () => {
    const clock = clockAt(5_000_000);
    const book = createTicketBook(clock);
    const old = Array.from({ length: 1500 }, (_, i) => book.issue(`old-${i}`));
    clock.advance(TICKET_TTL_MS / 2);
    const fresh = Array.from({ length: 1500 }, (_, i) => book.issue(`fresh-${i}`));
    clock.advance(TICKET_TTL_MS / 2);
    // The old ones have lapsed, the fresh ones have a minute left; more taps trigger a sweep.
    const later = Array.from({ length: 10 }, (_, i) => book.issue(`later-${i}`));
    expect(old.map((t) => book.redeem(t)).filter(Boolean)).toEqual([]);
    expect(fresh.map((t) => book.redeem(t))).toEqual(fresh.map((_, i) => `fresh-${i}`));
    expect(later.map((t) => book.redeem(t))).toEqual(later.map((_, i) => `later-${i}`));
    expect(new Set([...old, ...fresh, ...later]).size).toBe(3010);
  });
});
