import { describe, expect, it } from 'vitest';
import { createBurstDetector } from '../../../src-renderer/features/kiosk/use-badge-reader.js';

function feedAll(keys: string[], gapMs: number) {
  let t = 0;
  const d = createBurstDetector(() => (t += gapMs));
  return keys.map((k) => d.feed(k));
}

describe('badge burst detector', () => {
  it('reads a fast burst ending in Enter as a badge', () => {
    const out = feedAll([...'0004521002', 'Enter'], 8);
    expect(out.at(-1)).toEqual({ badge: '0004521002' });
  });

  it('treats human-speed typing followed by Enter as typing', () => {
    expect(feedAll([...'1002', 'Enter'], 180).at(-1)).toBe('typed');
    expect(feedAll([...'0004521002', 'Enter'], 120).at(-1)).toBe('typed');
  });

  it('ignores short bursts and bursts broken by a pause', () => {
    expect(feedAll([...'123', 'Enter'], 5).at(-1)).toBe('typed');
    let t = 0;
    const gaps = [5, 5, 5, 500, 5, 5, 5, 5];
    const d = createBurstDetector(() => (t += gaps.shift() ?? 5));
    const keys = [...'1234567', 'Enter'];
    const out = keys.map((k) => d.feed(k));
    expect(out.at(-1)).toBe('typed');
  });
});
