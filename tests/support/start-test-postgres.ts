// Starts the embedded PostgreSQL used by a test run when TEST_DATABASE_URL is not given.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeEmbeddedCluster, startEmbeddedCentral } from '../../src-main/db/central/embedded.js';
import { createLogger } from '../../src-main/log.js';

export async function startTestPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-test-pg-'));
  const server = await startEmbeddedCentral(dir, createLogger('test-postgres'));
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      removeEmbeddedCluster(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
