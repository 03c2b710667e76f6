import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../src-main/rpc/http.js';
import { addStaff, makeTestApp, tempDir, type TestApp } from '../support/test-app.js';

const TOKEN = 'test-token-0123456789abcdef';
let t: TestApp;
let host: WebHost;

beforeAll(async () => {
  t = await makeTestApp();
  await addStaff(t, 'E1');
  const staticDir = tempDir('frontdesk-web-');
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost({ dispatch: t.app.dispatch, events: t.app.events, staticDir, token: TOKEN, host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await host.close();
  await t.dispose();
});

function rpc(method: string, body: string, headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}` }) {
  return fetch(`${host.url}/rpc/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
}

/** A raw request, so the Host header can be set (fetch forbids it). */
function rawGet(pathname: string, hostHeader: string): Promise<number> {
  const { port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, headers: { Host: hostHeader } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

describe('web host', () => {
  it('binds loopback and prints a link carrying the token in the fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.openUrl).toBe(`${host.url}/#token=${TOKEN}`);
  });

  it('requires the session token for calls', async () => {
    const res = await rpc('kiosk.info', '{}', {});
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = await rpc('kiosk.info', '{}', { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
  });

  it('runs the contract over HTTP with the kiosk origin', async () => {
    const ok = await rpc('kiosk.info', '{}');
    expect(await ok.json()).toMatchObject({ ok: true, value: { host: 'test', tz: 'Asia/Kolkata' } });
    const forbidden = await rpc('employees.list', '{}');
    expect(await forbidden.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers malformed JSON and oversize bodies with typed errors', async () => {
    const bad = await rpc('kiosk.identify', '{"method":');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const get = await fetch(`${host.url}/rpc/kiosk.info`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(get.status).toBe(405);
  });

  it('sends the security headers with every page', async () => {
    const res = await fetch(`${host.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the renderer and nothing outside it', async () => {
    expect((await fetch(`${host.url}/assets/app.js`)).headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${host.url}/kiosk/route`)).status).toBe(200);
    expect((await fetch(`${host.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${host.url}/..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('refuses requests that name another host (DNS rebinding)', async () => {
    const { port } = new URL(host.url);
    expect(await rawGet('/health', `127.0.0.1:${port}`)).toBe(200);
    expect(await rawGet('/health', `evil.example:${port}`)).toBe(421);
  });

  it('pushes contract events to subscribers after the commit', async () => {
    const controller = new AbortController();
    const res = await fetch(`${host.url}/events?token=${TOKEN}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const who = await t.call('kiosk.identify', { method: 'pin', code: 'E1', pin: '1234' });
    const receipt = await t.call('punches.record', { ticket: who.ticket, kind: 'IN' });
    let text = '';
    while (!text.includes('event: sync.statusChanged')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('event: punches.recorded');
    expect(text).toContain(receipt.punchId);
    expect((await fetch(`${host.url}/events?token=wrong`)).status).toBe(401);
  });

  it('answers a body over the limit with the typed 413, not a reset connection', async () => {
    const small = await startWebHost({
      dispatch: t.app.dispatch,
      events: t.app.events,
      staticDir: tempDir('frontdesk-web-'),
      token: TOKEN,
      host: '127.0.0.1',
      port: 0,
      maxBodyBytes: 1024 * 1024,
    });
    try {
      const content = 'x'.repeat(5 * 1024 * 1024);
      const res = await fetch(`${small.url}/rpc/punches.import`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ fileName: 'big.csv', content }),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('larger than 1 MB') } });
      // The host still answers afterwards.
      expect((await fetch(`${small.url}/rpc/kiosk.info`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: '{}' })).status).toBe(
        200,
      );
    } finally {
      await small.close();
    }
  });

  it('answers a malformed % escape with 400, not 500', async () => {
    expect(await rawGet('/%E0%A4%A', new URL(host.url).host)).toBe(400);
    expect(await rawGet('/assets/%ZZ.js', new URL(host.url).host)).toBe(400);
    const res = await rpc('kiosk.info%E0%A4%A', '{}');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'The address has a malformed % escape.' } });
  });
});
