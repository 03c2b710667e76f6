import { startTestPostgres } from './start-test-postgres.js';

let stop: (() => Promise<void>) | undefined;

export async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const server = await startTestPostgres();
  process.env.TEST_DATABASE_URL = server.url;
  stop = server.stop;
}

export async function teardown(): Promise<void> {
  await stop?.();
}
