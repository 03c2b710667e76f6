import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepOrphanClusters } from '../../../src-main/db/central/embedded.js';
import { createLogger } from '../../../src-main/log.js';

const made: string[] = [];
const tmp = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fd-sweep-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('embedded clusters kept outside their data folder', () => {
  it('removes a cluster whose data folder is gone and keeps one whose folder is there', () => {
    const parent = tmp();
    const live = tmp();
    const gone = path.join(tmp(), 'deleted-kiosk');
    for (const [name, folder] of [
      ['central-live', live],
      ['central-gone', gone],
    ] as const) {
      mkdirSync(path.join(parent, name, 'base'), { recursive: true });
      writeFileSync(path.join(parent, name, 'PG_VERSION'), '16');
      writeFileSync(path.join(parent, `${name}.owner`), folder);
    }
    mkdirSync(path.join(parent, 'central-unowned'));
    sweepOrphanClusters(parent, createLogger('test'));
    expect(existsSync(path.join(parent, 'central-live', 'PG_VERSION'))).toBe(true);
    expect(existsSync(path.join(parent, 'central-live.owner'))).toBe(true);
    expect(existsSync(path.join(parent, 'central-gone'))).toBe(false);
    expect(existsSync(path.join(parent, 'central-gone.owner'))).toBe(false);
    // Without an owner note nothing says whose it is: it stays.
    expect(existsSync(path.join(parent, 'central-unowned'))).toBe(true);
  });
});
