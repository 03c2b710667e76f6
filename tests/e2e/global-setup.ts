import { startTestPostgres } from '../support/start-test-postgres.js';

export default async function globalSetup(): Promise<(() => Promise<void>) | void> {
  if (process.env.TEST_DATABASE_URL) return;
  const server = await startTestPostgres();
  process.env.TEST_DATABASE_URL = server.url;
  return server.stop;
}
