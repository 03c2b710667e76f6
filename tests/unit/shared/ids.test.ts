import { describe, expect, it } from 'vitest';
import { UUID_PATTERN, uuidv7, uuidv7From, uuidv7Time } from '../../../shared/ids.js';

describe('uuidv7', () => {
  it('is a version 7, variant 10 UUID carrying its millisecond timestamp', () => {
    const t = Date.parse('2026-11-20T04:00:00.123Z');
    const id = uuidv7(t);
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(uuidv7Time(id)).toBe(t);
  });

  it('sorts by time as text', () => {
    const ids = [3, 1, 2].map((s) => uuidv7(1_700_000_000_000 + s * 1000));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('is deterministic for the same entropy and unique for fresh entropy', () => {
    const e = new Uint8Array(10).fill(7);
    expect(uuidv7From(5, e)).toBe(uuidv7From(5, e));
    const many = new Set(Array.from({ length: 2000 }, () => uuidv7(5)));
    expect(many.size).toBe(2000);
  });

  it('refuses timestamps it cannot hold', () => {
    expect(() => uuidv7From(-1, new Uint8Array(10))).toThrow(RangeError);
    expect(() => uuidv7From(2 ** 48, new Uint8Array(10))).toThrow(RangeError);
  });
});
