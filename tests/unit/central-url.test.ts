import { describe, expect, it } from 'vitest';
import { checkCentralUrl } from '../../src-main/security/central-url.js';

describe('the manager desktop’s Central URL', () => {
  it('takes https anywhere and http on this machine only', () => {
    expect(checkCentralUrl('https://central.example.com/')).toMatchObject({ ok: true });
    expect(checkCentralUrl(' http://127.0.0.1:8080 ')).toMatchObject({ ok: true });
    expect(checkCentralUrl('http://localhost:4311/')).toMatchObject({ ok: true });
    expect(checkCentralUrl('http://[::1]:8080/')).toMatchObject({ ok: true });
  });

  it('refuses plain http over the network, other schemes, credentials and non-URLs, saying why', () => {
    expect(checkCentralUrl('http://central.example.com')).toEqual({
      ok: false,
      message: 'FRONTDESK_CENTRAL_URL must use https:// for central.example.com: a password would cross the network in clear',
    });
    expect(checkCentralUrl('http://127.0.0.2')).toMatchObject({ ok: false });
    expect(checkCentralUrl('file:///etc/passwd')).toEqual({
      ok: false,
      message: 'FRONTDESK_CENTRAL_URL must start with https:// (it starts with file://)',
    });
    expect(checkCentralUrl('https://u:p@central.example.com')).toMatchObject({ ok: false, message: expect.stringMatching(/username or password/) });
    expect(checkCentralUrl('central.example.com')).toMatchObject({ ok: false, message: expect.stringMatching(/not a URL/) });
  });
});
