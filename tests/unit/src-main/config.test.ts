import { describe, expect, it } from 'vitest';
import { loadCentralConfig } from '../../../src-main/central/config.js';
import { loadConfig, wantsDemo } from '../../../src-main/config.js';
import { DEFAULT_MAX_HOURS } from '../../../shared/domain/work-hours.js';
import { AppError } from '../../../shared/errors.js';

describe('configuration', () => {
  it('has the auto check-out off by default and reads the rule from the environment', () => {
    expect(loadConfig({ FRONTDESK_DATA: '/tmp/x' }).autoCheckout).toEqual({ kind: 'off' });
    expect(loadConfig({ FRONTDESK_DATA: '/tmp/x', FRONTDESK_AUTO_CHECKOUT: '23:30' }).autoCheckout).toEqual({ kind: 'at', minutes: 1410 });
    expect(loadConfig({ FRONTDESK_DATA: '/tmp/x', FRONTDESK_AUTO_CHECKOUT: 'shift-end+2' }).autoCheckout).toEqual({
      kind: 'after-shift-end',
      minutes: 120,
    });
  });

  it('reads one max-hours setting, FRONTDESK_MAX_HOURS, on the kiosk and on Central alike, with one default', () => {
    expect([loadConfig({ FRONTDESK_DATA: '/tmp/x' }).maxHours, loadCentralConfig({}).maxHours]).toEqual([DEFAULT_MAX_HOURS, DEFAULT_MAX_HOURS]);
    expect(DEFAULT_MAX_HOURS).toBe(16);
    expect(loadConfig({ FRONTDESK_DATA: '/tmp/x', FRONTDESK_MAX_HOURS: '12' }).maxHours).toBe(12);
    expect(loadCentralConfig({ FRONTDESK_MAX_HOURS: '12' }).maxHours).toBe(12);
    const refusal = (value: string) => () => loadConfig({ FRONTDESK_DATA: '/tmp/x', FRONTDESK_MAX_HOURS: value });
    expect(refusal('0')).toThrow('The setting FRONTDESK_MAX_HOURS is not right: The maximum hours must be at least 1.');
    expect(refusal('49')).toThrow('The setting FRONTDESK_MAX_HOURS is not right: The maximum hours must be at most 48.');
    expect(refusal('ten')).toThrow('The setting FRONTDESK_MAX_HOURS is not right: The maximum hours must be a number.');
    expect(refusal('7.5')).toThrow('The setting FRONTDESK_MAX_HOURS is not right: The maximum hours must be a whole number.');
    expect(() => loadCentralConfig({ FRONTDESK_MAX_HOURS: '0' })).toThrow(
      'The setting FRONTDESK_MAX_HOURS is not right: The maximum hours must be at least 1.',
    );
  });

  it('refuses a setting it cannot read, naming it', () => {
    expect(() => loadConfig({ FRONTDESK_DATA: '/tmp/x', FRONTDESK_AUTO_CHECKOUT: 'late' })).toThrow(AppError);
    expect(() => loadConfig({ FRONTDESK_DATA: '/tmp/x', FRONTDESK_AUTO_CHECKOUT: 'late' })).toThrow(
      /FRONTDESK_AUTO_CHECKOUT is not right: An auto check-out rule is off, HH:MM, or shift-end\+N/,
    );
    expect(() => loadConfig({ FRONTDESK_DATA: '/tmp/x', FRONTDESK_TZ: 'Mars/Base' })).toThrow(/IANA/);
  });

  it('makes demo data only with the built-in central unless asked for, and never when told not to', () => {
    const at = (env: Record<string, string>) => wantsDemo(loadConfig({ FRONTDESK_DATA: '/tmp/x', ...env }));
    expect(at({})).toBe(true);
    expect(at({ DATABASE_URL: 'postgres://u:p@db.example/frontdesk' })).toBe(false);
    expect(at({ DATABASE_URL: 'postgres://u:p@db.example/frontdesk', FRONTDESK_DEMO: '1' })).toBe(true);
    expect(at({ FRONTDESK_NO_DEMO: '1' })).toBe(false);
    expect(wantsDemo(loadConfig({ FRONTDESK_DATA: '/tmp/x' }, { demo: 'on', databaseUrl: 'postgres://u:p@h/d' }))).toBe(true);
    expect(wantsDemo(loadConfig({ FRONTDESK_DATA: '/tmp/x' }, { demo: false }))).toBe(false);
  });
});
