// Every test file loads this: a promise rejection that nobody handles fails the test during
// which it happened, with its reason, whatever vitest's own reporting does with it.
import { afterEach } from 'vitest';

const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

afterEach(async () => {
  // Rejections surface on a later tick: give them one before judging the test.
  await new Promise((resolve) => setImmediate(resolve));
  if (unhandled.length === 0) return;
  const [first] = unhandled.splice(0);
  throw new Error(
    `An unhandled promise rejection happened during this test: ${first instanceof Error ? (first.stack ?? first.message) : String(first)}`,
  );
});
