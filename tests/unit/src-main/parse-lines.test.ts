import { describe, expect, it } from 'vitest';
import { detectFormat, parseCsv, parseZkteco, splitCsvLine, splitLines } from '../../../src-main/services/punches/import/parse-lines.js';

describe('CSV lines', () => {
  it('parses good lines with optional header, work mode and device', () => {
    const lines = splitLines(
      'employee_code,kind,at,work_mode,device_id\r\n1001,IN,2026-11-20T09:00:00+05:30,WFH,gate-2\n1001,out,2026-11-20T12:30:00Z\n',
    );
    expect(detectFormat(lines)).toBe('csv');
    expect(parseCsv(lines, 'Asia/Kolkata')).toEqual([
      { line: 2, code: '1001', kind: 'IN', atMs: Date.parse('2026-11-20T03:30:00Z'), workMode: 'WFH', deviceId: 'gate-2' },
      { line: 3, code: '1001', kind: 'OUT', atMs: Date.parse('2026-11-20T12:30:00Z'), workMode: 'WFO', deviceId: null },
    ]);
  });

  it('names the reason and line of every bad line', () => {
    const lines = splitLines(
      [
        '1001,IN',
        '1001,SIDEWAYS,2026-11-20T09:00:00Z',
        '1001,IN,yesterday',
        'bad code!,IN,2026-11-20T09:00:00Z',
        '1001,IN,2026-11-20T09:00:00Z,HOME',
        '1001,IN,2026-02-30T09:00:00',
      ].join('\n'),
    );
    const out = parseCsv(lines, 'Asia/Kolkata');
    expect(out.map((o) => ('error' in o ? o.line : -1))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out[0]).toMatchObject({ error: expect.stringContaining('expected 3 to 5 fields') });
    expect(out[1]).toMatchObject({ error: expect.stringContaining("kind must be IN or OUT, found 'SIDEWAYS'") });
    expect(out[2]).toMatchObject({ error: expect.stringContaining('ISO-8601') });
    expect(out[3]).toMatchObject({ error: 'Employee code may hold letters, digits, _ . - only.' });
    expect(out[5]).toMatchObject({ error: expect.stringContaining('ISO-8601') });
  });

  it('reads a time without an offset as the site’s local time', () => {
    expect(parseCsv(['1001,IN,2026-11-20T09:00:00'], 'Asia/Kolkata')).toEqual([
      { line: 1, code: '1001', kind: 'IN', atMs: Date.parse('2026-11-20T03:30:00Z'), workMode: 'WFO', deviceId: null },
    ]);
    expect(parseCsv(['1001,IN,2026-11-20T09:00'], 'America/New_York')).toMatchObject([{ atMs: Date.parse('2026-11-20T14:00:00Z') }]);
  });

  it('honours quotes', () => {
    expect(splitCsvLine('"10,01", "say ""hi""" ,x')).toEqual(['10,01', 'say "hi"', 'x']);
    expect(splitCsvLine('"open')).toBeNull();
  });
});

describe('ZKTeco attendance log', () => {
  const log = [
    '  1001\t2026-11-20 09:02:11\t1\t0\t1\t0',
    '1001\t2026-11-20 18:10:00\t1\t1\t1\t0',
    '1002\t2026-11-20 09:10:00\t15\t4',
    '1002\t2026-11-20 13:00:00\t1\t2\t1\t0',
    '1003\t2026-02-30 09:00:00\t1\t0',
  ].join('\n');

  it('is detected, and reads states 0/4 as IN and 1/5 as OUT in the site zone', () => {
    const lines = splitLines(log);
    expect(detectFormat(lines)).toBe('zkteco');
    const out = parseZkteco(lines, 'Asia/Kolkata');
    expect(out[0]).toEqual({ line: 1, code: '1001', kind: 'IN', atMs: Date.parse('2026-11-20T03:32:11Z'), workMode: 'WFO', deviceId: null });
    expect(out[1]).toMatchObject({ kind: 'OUT', atMs: Date.parse('2026-11-20T12:40:00Z') });
    expect(out[2]).toMatchObject({ kind: 'IN', code: '1002' });
    expect(out[3]).toMatchObject({ line: 4, error: expect.stringContaining('state 2') });
    expect(out[4]).toMatchObject({ line: 5, error: expect.stringContaining('2026-02-30') });
  });

  it('refuses a local time that falls in a DST gap', () => {
    const out = parseZkteco(['5\t2026-03-08 02:30:00\t1\t0'], 'America/New_York');
    expect(out[0]).toMatchObject({ line: 1, error: expect.stringContaining('does not exist in America/New_York') });
  });
});

describe('the words and edges of each line', () => {
  it('CSV: each refusal says exactly what is wrong, blank lines keep the numbering, a header counts only on line 1', () => {
    const lines = splitLines(
      [
        '\uFEFF1001,in,2026-11-20T09:00:00Z,wfh',
        '',
        '1001,IN,2026-11-20T09:00:00Z,HOME',
        '"1001,IN,2026-11-20T09:00:00Z',
        '1001,IN,2026-11-20T09:00:00Z,WFO,gate,extra',
        'employee_code,kind,at',
        '1001,IN,2026-13-45T09:00:00',
        '   ',
        '1001,OUT,2026-11-20T18:00:00Z,,',
      ].join('\n'),
    );
    expect(parseCsv(lines, 'UTC')).toEqual([
      { line: 1, code: '1001', kind: 'IN', atMs: Date.parse('2026-11-20T09:00:00Z'), workMode: 'WFH', deviceId: null },
      { line: 3, error: "work_mode must be WFO or WFH, found 'HOME'" },
      { line: 4, error: 'unclosed quote' },
      { line: 5, error: 'expected 3 to 5 fields (employee_code,kind,at[,work_mode,device_id]), found 6' },
      { line: 6, error: "kind must be IN or OUT, found 'kind'" },
      { line: 7, error: "at must be an ISO-8601 time (with an offset, or local to the site), found '2026-13-45T09:00:00'" },
      { line: 9, code: '1001', kind: 'OUT', atMs: Date.parse('2026-11-20T18:00:00Z'), workMode: 'WFO', deviceId: null },
    ]);
  });

  it('CSV: a quote opens a field only at its start; inside a field it is a character', () => {
    expect(splitCsvLine('ab"c,d')).toEqual(['ab"c', 'd']);
    expect(splitCsvLine('  "x,y"  ,z')).toEqual(['x,y', 'z']);
    expect(splitCsvLine('a,,b')).toEqual(['a', '', 'b']);
    expect(splitCsvLine('')).toEqual(['']);
  });

  it('ZKTeco: each refusal says exactly what is wrong; state 5 is a check-out', () => {
    const lines = [
      '1001\t2026-11-20 09:00:00\t1',
      'bad code!\t2026-11-20 09:00:00\t1\t0',
      '1001\t2026-11-20 9:00:00\t1\t0',
      '1001\t2026-13-20 09:00:00\t1\t0',
      '1001\t2026-11-00 09:00:00\t1\t0',
      '1001\t2026-11-32 09:00:00\t1\t0',
      '1001\t2026-11-20 24:00:00\t1\t0',
      '1001\t2026-11-20 09:60:00\t1\t0',
      '1001\t2026-11-20 09:00:60\t1\t0',
      '1001\t2026-11-20 18:00:00\t1\t5',
      '',
      '1001\t2026-11-31 09:00:00\t1\t0',
    ];
    expect(parseZkteco(lines, 'UTC')).toEqual([
      { line: 1, error: 'expected user_id, time, verify and state separated by tabs, found 3 fields' },
      { line: 2, error: 'Employee code may hold letters, digits, _ . - only.' },
      { line: 3, error: "time must be YYYY-MM-DD HH:MM:SS, found '2026-11-20 9:00:00'" },
      { line: 4, error: "'2026-13-20 09:00:00' is not a valid date and time" },
      { line: 5, error: "'2026-11-00 09:00:00' is not a valid date and time" },
      { line: 6, error: "'2026-11-32 09:00:00' is not a valid date and time" },
      { line: 7, error: "'2026-11-20 24:00:00' is not a valid date and time" },
      { line: 8, error: "'2026-11-20 09:60:00' is not a valid date and time" },
      { line: 9, error: "'2026-11-20 09:00:60' is not a valid date and time" },
      { line: 10, code: '1001', kind: 'OUT', atMs: Date.parse('2026-11-20T18:00:00Z'), workMode: 'WFO', deviceId: null },
      { line: 12, error: '2026-11-31 09:00:00 does not exist in UTC' },
    ]);
  });

  it('ZKTeco: takes the first and last moment of a year, each date part at its bounds', () => {
    expect(parseZkteco(['1001\t2026-01-01 00:00:00\t1\t0', '1001\t2026-12-31 23:59:59\t1\t1'], 'UTC')).toEqual([
      { line: 1, code: '1001', kind: 'IN', atMs: Date.parse('2026-01-01T00:00:00Z'), workMode: 'WFO', deviceId: null },
      { line: 2, code: '1001', kind: 'OUT', atMs: Date.parse('2026-12-31T23:59:59Z'), workMode: 'WFO', deviceId: null },
    ]);
  });

  it('detects a ZKTeco log by its first non-blank line only', () => {
    expect(detectFormat(['', '  ', '1001\t2026-11-20 09:00:00\t1\t0'])).toBe('zkteco');
    expect(detectFormat(['1001,IN,2026-11-20T09:00:00Z', '1001\t2026-11-20 09:00:00\t1\t0'])).toBe('csv');
    expect(detectFormat(['', ''])).toBe('csv');
  });
});
