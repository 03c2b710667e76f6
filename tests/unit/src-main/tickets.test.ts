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

describe('ticket book memory', () => {
  it('sweeps lapsed tickets only above a thousand held, and at most once a second', () => {
    const clock = clockAt(9_000_000);
    const book = createTicketBook(clock);
    for (let i = 0; i < 1000; i++) book.issue(`a-${i}`);
    clock.advance(TICKET_TTL_MS);
    // 1,000 held, all lapsed: not above the threshold, so no sweep yet.
    book.issue('b-0');
    expect(book.size()).toBe(1001);
    // Now above it: the next issue sweeps the lapsed thousand (keeping the live one).
    book.issue('b-1');
    expect(book.size()).toBe(2);
    for (let i = 0; i < 1100; i++) book.issue(`c-${i}`);
    // Just before the c's lapse, a crowd sweeps (nothing has lapsed): the next sweep is a second away.
    clock.advance(TICKET_TTL_MS - 500);
    for (let i = 0; i < 1100; i++) book.issue(`f-${i}`);
    expect(book.size()).toBe(2202);
    // The c's have lapsed, but the last sweep was half a second ago: none now…
    clock.advance(500);
    book.issue('g');
    expect(book.size()).toBe(2203);
    // …half a second later, one pass drops every lapsed ticket.
    clock.advance(500);
    book.issue('h');
    expect(book.size()).toBe(1102);
  });

  it('redeeming a lapsed ticket drops it', () => {
    const clock = clockAt(1_000);
    const book = createTicketBook(clock);
    const t = book.issue('e');
    clock.advance(TICKET_TTL_MS);
    expect(book.redeem(t)).toBeUndefined();
    expect(book.size()).toBe(0);
  });
});
