import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, RENDERER_WEB_PREFERENCES } from '../../../src-main/security/policy.js';
import { redact } from '../../../src-main/log.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(c?ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe('security defaults', () => {
  it('isolates and sandboxes the renderer', () => {
    expect(RENDERER_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  });

  it('allows no inline or remote script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('never navigates away from the app', () => {
    expect(isAllowedNavigation('http://127.0.0.1:4310/x', 'http://127.0.0.1:4310/')).toBe(true);
    expect(isAllowedNavigation('https://evil.example/', 'http://127.0.0.1:4310/')).toBe(false);
    expect(isAllowedNavigation('file:///app/dist/web/index.html', 'file:///app/dist/web/index.html')).toBe(true);
    expect(isAllowedNavigation('file:///etc/passwd', 'file:///app/dist/web/index.html')).toBe(false);
    expect(isAllowedNavigation('not a url', 'http://127.0.0.1:4310/')).toBe(false);
  });

  it('keeps every electron import inside src-main/electron', () => {
    const offenders = ['src-main', 'shared', 'src-renderer']
      .flatMap((d) => sourceFiles(d))
      .filter((f) => !f.startsWith(path.join('src-main', 'electron') + path.sep))
      .filter((f) => /from ['"]electron['"]|require\(['"]electron['"]\)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps node, database and UI libraries out of shared/', () => {
    const offenders = sourceFiles('shared').filter((f) => /from ['"](node:|better-sqlite3|pg|react|electron)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('redacts secrets in log fields', () => {
    expect(redact({ pin: '1234', nested: { apiKey: 'k', ok: 1 }, url: 'postgres://u:secret@h/db' })).toEqual({
      pin: '[redacted]',
      nested: { apiKey: '[redacted]', ok: 1 },
      url: 'postgres://u:***@h/db',
    });
  });
});
