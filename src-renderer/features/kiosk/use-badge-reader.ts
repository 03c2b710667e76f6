// Badge readers "type" like a keyboard: a burst of characters a few milliseconds apart, ended
// by Enter. People type far slower. A burst of at least MIN_LENGTH characters, each within
// MAX_GAP_MS of the previous one, followed by Enter, is a badge; anything else is typing.
import { useEffect } from 'react';

export const MAX_GAP_MS = 40;
export const MIN_LENGTH = 6;

export interface KeyHandlers {
  onBadge(badge: string): void;
  onKey(event: KeyboardEvent): void;
}

export function createBurstDetector(now: () => number = () => performance.now()) {
  let burst = '';
  let last = -Infinity;
  return {
    /** Feeds one key; returns the badge when Enter closes a burst, 'typed' otherwise. */
    feed(key: string): { badge: string } | 'typed' {
      const t = now();
      const fast = t - last <= MAX_GAP_MS;
      last = t;
      if (key === 'Enter') {
        const candidate = fast ? burst : '';
        burst = '';
        return candidate.length >= MIN_LENGTH ? { badge: candidate } : 'typed';
      }
      if (key.length === 1) burst = fast ? burst + key : key;
      else burst = '';
      return 'typed';
    },
    /** How many of the last typed characters belong to the burst in progress. */
    pending: () => burst.length,
  };
}

export function useBadgeReader(handlers: KeyHandlers, undoTyped: (count: number) => void): void {
  useEffect(() => {
    const detector = createBurstDetector();
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const before = detector.pending();
      const result = detector.feed(e.key);
      if (result !== 'typed') {
        e.preventDefault();
        undoTyped(before);
        handlers.onBadge(result.badge);
        return;
      }
      const target = e.target as HTMLElement | null;
      if (target?.tagName === 'BUTTON' && (e.key === 'Enter' || e.key === ' ')) return;
      handlers.onKey(e);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handlers, undoTyped]);
}
