// What the sync status says before anything could be read from the kiosk's records (its data
// file unreadable from the first read): nothing waiting, nothing refused, nothing known.
import { describe, expect, it } from 'vitest';
import { readableNothing } from '../../../src-main/services/sync/status.js';

describe('readableNothing', () => {
  it('with no central configured says so; with one, that it is waiting for a first read', () => {
    const empty = {
      pending: 0,
      oldestPendingAt: null,
      oldestPendingAgeSeconds: null,
      rejected: 0,
      lastSuccessAt: null,
      lastError: null,
      nextAttemptAt: null,
      localError: null,
      clockOffsetSeconds: null,
      clockDrift: false,
      cloneSuspected: false,
    };
    expect(readableNothing('none')).toEqual({ state: 'not-configured', central: 'none', ...empty });
    expect(readableNothing('central')).toEqual({ state: 'waiting', central: 'central', ...empty });
  });
});
