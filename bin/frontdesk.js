#!/usr/bin/env node
// Entry point of the `frontdesk` command: runs the compiled CLI (built by `npm install`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../dist/node/src-main/cli/main.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('frontdesk: not built yet; run `npm run build` in the project folder first.\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(entry).href);
// Exit explicitly: the embedded PostgreSQL helper hooks 'beforeExit' and would otherwise end
// the process with status 0 whatever the command answered. But first let stdout and stderr
// drain: on a pipe their writes are asynchronous, and exiting at once cuts a large --json
// answer at the pipe's buffer (65,536 bytes).
const code = await main(process.argv.slice(2));
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
