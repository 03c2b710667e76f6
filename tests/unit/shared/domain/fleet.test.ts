import { describe, expect, it } from 'vitest';
import { ENROLL_CODE_TTL_MS, isStale, judgeProtocol, kioskState, STALE_AFTER_MS } from '../../../../shared/domain/fleet.js';
import { parseProtocol } from '../../../../shared/contract/sync-api.js';
import { EnrollCodeSchema } from '../../../../shared/contract/sync-api.js';

describe('which sync versions meet', () => {
  const central = { major: 1, minor: 4 };
  it('serves its own minor version and the one before', () => {
    expect(judgeProtocol({ major: 1, minor: 4 }, central)).toBe('ok');
    expect(judgeProtocol({ major: 1, minor: 3 }, central)).toBe('ok');
  });
  it('sends a kiosk two minors behind, or of an older major, to be updated', () => {
    expect(judgeProtocol({ major: 1, minor: 2 }, central)).toBe('kiosk-too-old');
    expect(judgeProtocol({ major: 0, minor: 9 }, central)).toBe('kiosk-too-old');
  });
  it('lets a kiosk newer than Central wait for Central', () => {
    expect(judgeProtocol({ major: 1, minor: 5 }, central)).toBe('central-too-old');
    expect(judgeProtocol({ major: 2, minor: 0 }, central)).toBe('central-too-old');
  });
  it('a Central at minor 0 serves minor 0 only', () => {
    expect(judgeProtocol({ major: 2, minor: 0 }, { major: 2, minor: 0 })).toBe('ok');
    expect(judgeProtocol({ major: 1, minor: 9 }, { major: 2, minor: 0 })).toBe('kiosk-too-old');
  });
  it('reads the header strictly', () => {
    expect(parseProtocol('1.1')).toEqual({ major: 1, minor: 1 });
    expect(parseProtocol(' 12.30 ')).toEqual({ major: 12, minor: 30 });
    for (const bad of [undefined, '', '1', '1.1.1', 'v1.1', '1.x', '1000.1']) expect(parseProtocol(bad)).toBeNull();
  });
});

describe('fleet health', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');
  it('a kiosk is stale past ten minutes without a heartbeat, not at ten', () => {
    expect(isStale(now - STALE_AFTER_MS, true, now)).toBe(false);
    expect(isStale(now - STALE_AFTER_MS - 1, true, now)).toBe(true);
    expect(isStale(null, true, now)).toBe(true);
    // Not enrolled yet: nothing to be stale about.
    expect(isStale(null, false, now)).toBe(false);
  });
  it('names the enrollment state, revocation first', () => {
    expect(kioskState({ revokedAtMs: now, enrolledAtMs: now, codeExpiresAtMs: null }, now)).toBe('revoked');
    expect(kioskState({ revokedAtMs: null, enrolledAtMs: now, codeExpiresAtMs: null }, now)).toBe('enrolled');
    expect(kioskState({ revokedAtMs: null, enrolledAtMs: null, codeExpiresAtMs: now + 1 }, now)).toBe('awaiting-enrollment');
    expect(kioskState({ revokedAtMs: null, enrolledAtMs: null, codeExpiresAtMs: now }, now)).toBe('code-expired');
    expect(ENROLL_CODE_TTL_MS).toBe(24 * 3600_000);
  });
  it('reads an enrollment code with or without dashes and in any case', () => {
    expect(EnrollCodeSchema.parse('nxem-2x4h-hm2c-3fyq')).toBe('NXEM2X4HHM2C3FYQ');
    expect(EnrollCodeSchema.parse(' NXEM 2X4H HM2C 3FYQ ')).toBe('NXEM2X4HHM2C3FYQ');
    expect(EnrollCodeSchema.safeParse('NXEM-2X4H-HM2C').success).toBe(false);
  });
});
