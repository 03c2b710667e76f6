// Secrets (an API key, a password) reach the CLI on stdin or at a prompt that does not echo,
// never as arguments: arguments are visible to every user of the machine in the process list.
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

/** Asks for a secret at the terminal without showing it; a non-terminal stdin must use --password-stdin. */
function promptSecret(what: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) return Promise.reject(new UsageError(`give the ${what} on stdin with --password-stdin (no terminal to ask at)`));
  process.stderr.write(`${what[0]!.toUpperCase()}${what.slice(1)}: `);
  return new Promise((resolve, reject) => {
    let typed = '';
    stdin.setRawMode(true);
    stdin.resume();
    const done = (err: Error | null): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: Buffer): void => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(typed === '' ? new UsageError(`no ${what} was typed`) : null);
        if (ch === '\u0003') return done(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export function readSecret(what: string, from: 'stdin' | 'prompt'): Promise<string> {
  return from === 'stdin' ? readSecretFromStdin(what) : promptSecret(what);
}
