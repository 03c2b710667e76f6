// Secrets (an API key, a password) reach the CLI on stdin, never as arguments: arguments are
// visible to every user of the machine in the process list.
import { UsageError } from './output.js';

export async function readSecretFromStdin(what: string): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError(`pipe the ${what} in on stdin (for example: printf '%s' "$KEY" | frontdesk …)`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const secret = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (secret === '') throw new UsageError(`no ${what} arrived on stdin`);
  return secret;
}
