// Where the project's own files are (migrations, the renderer build), whether this code runs
// from TypeScript sources (tests) or from the compiled dist/ tree (CLI, Electron).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function projectRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'frontdesk') return (root = dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('frontdesk: cannot find the project root');
    dir = parent;
  }
}

export const localMigrationsDir = (): string => path.join(projectRoot(), 'migrations', 'local');
export const rendererDir = (): string => path.join(projectRoot(), 'dist', 'web');

let version: string | undefined;
/** This build's version, from package.json. */
export function appVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
