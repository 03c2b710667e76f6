// Punch ids are UUIDv7 made on the kiosk: 48 bits of Unix milliseconds, then random bits.
// Ids sort by creation time, and the same punch sent twice is the same row everywhere.

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Builds a UUIDv7 from a millisecond timestamp and 10 bytes of entropy. Pure: pass
 * `crypto.getRandomValues(new Uint8Array(10))` for a fresh id, or a hash for a deterministic one.
 */
export function uuidv7From(unixMs: number, entropy: Uint8Array): string {
  if (!Number.isInteger(unixMs) || unixMs < 0 || unixMs > 0xffff_ffff_ffff) {
    throw new RangeError(`uuidv7: timestamp out of range: ${unixMs}`);
  }
  if (entropy.length < 10) throw new RangeError('uuidv7: need 10 bytes of entropy');
  const b = new Uint8Array(16);
  let ms = unixMs;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = 0x70 | ((entropy[0] ?? 0) & 0x0f);
  b[7] = entropy[1] ?? 0;
  b[8] = 0x80 | ((entropy[2] ?? 0) & 0x3f);
  for (let i = 9; i < 16; i++) b[i] = entropy[i - 6] ?? 0;
  const h = Array.from(b, (x) => HEX[x]).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function uuidv7(unixMs: number = Date.now()): string {
  return uuidv7From(unixMs, globalThis.crypto.getRandomValues(new Uint8Array(10)));
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The millisecond timestamp a UUIDv7 carries. */
export function uuidv7Time(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
