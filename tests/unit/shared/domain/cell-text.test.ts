import { describe, expect, it } from 'vitest';
import { cellText } from '../../../../shared/domain/cell-text.js';

describe('cellText', () => {
  it('writes each kind of value as a person reads it', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText('plain')).toBe('plain');
    expect(cellText('')).toBe('');
    expect(cellText(7.5)).toBe('7.5');
    expect(cellText(0)).toBe('0');
    expect(cellText(true)).toBe('true');
    expect(cellText(false)).toBe('false');
    expect(cellText(12n)).toBe('12');
    expect(cellText(new Date('2026-11-20T03:30:00Z'))).toBe('2026-11-20T03:30:00.000Z');
    expect(cellText(new Date(Number.NaN))).toBe('');
    expect(cellText({ a: 1, b: [2] })).toBe('{"a":1,"b":[2]}');
    expect(cellText([1, 'x'])).toBe('[1,"x"]');
  });
});
