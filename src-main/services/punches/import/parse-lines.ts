// Parsers for attendance files. Both yield one entry per non-blank line, either a punch or
// the reason the line was refused, always with its 1-based line number in the file.
//  - CSV: `employee_code,kind,at[,work_mode,device_id]`, `at` an ISO-8601 time (with an offset,
//    or without one as the site's local time); a header line is optional.
//  - ZKTeco/eSSL attendance log: tab-separated `user_id  YYYY-MM-DD HH:MM:SS  verify  state …`,
//    state 0/4 = IN, 1/5 = OUT, times local to the site (a DST-gap time is refused).
import { type z } from 'zod';
import { zonedToUtc, instantOf } from '../../../../shared/domain/local-time.js';
import type { PunchKind } from '../../../../shared/domain/work-hours.js';
import { EmployeeCodeSchema, IsoInstantSchema } from '../../../../shared/contract/common.js';
import { describeIssues } from '../../../../shared/contract/issue-words.js';

export interface ParsedPunch {
  line: number;
  code: string;
  kind: PunchKind;
  atMs: number;
  workMode: 'WFO' | 'WFH';
  deviceId: string | null;
}

export type ParsedLine = ParsedPunch | { line: number; error: string };
export type FileFormat = 'csv' | 'zkteco';

const ZK_LINE = /^\s*[^\t]+\t\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\s*\t/;

export function splitLines(content: string): string[] {
  return content.replace(/^\uFEFF/, '').split(/\r?\n/);
}

export function detectFormat(lines: readonly string[]): FileFormat {
  const first = lines.find((l) => l.trim() !== '');
  return first !== undefined && ZK_LINE.test(first) ? 'zkteco' : 'csv';
}

/** Splits one CSV line, honouring double quotes ("" is a literal quote). */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (c === ',') {
      fields.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (quoted) return null;
  fields.push(cur.trim());
  return fields;
}

const describe = (err: z.ZodError): string => describeIssues(err).message;

function parseKind(raw: string): PunchKind | null {
  const k = raw.trim().toUpperCase();
  return k === 'IN' || k === 'OUT' ? k : null;
}

export function parseCsv(lines: readonly string[], tz: string): ParsedLine[] {
  const out: ParsedLine[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '') return;
    const fields = splitCsvLine(text);
    if (!fields) return out.push({ line, error: 'unclosed quote' });
    if (line === 1 && fields[0]?.toLowerCase() === 'employee_code') return;
    if (fields.length < 3 || fields.length > 5) {
      return out.push({ line, error: `expected 3 to 5 fields (employee_code,kind,at[,work_mode,device_id]), found ${fields.length}` });
    }
    const [codeRaw, kindRaw, atRaw, modeRaw, deviceRaw] = fields as [string, string, string, string?, string?];
    const code = EmployeeCodeSchema.safeParse(codeRaw);
    if (!code.success) return out.push({ line, error: describe(code.error) });
    const kind = parseKind(kindRaw);
    if (!kind) return out.push({ line, error: `kind must be IN or OUT, found '${kindRaw}'` });
    const at = IsoInstantSchema.safeParse(atRaw);
    const atMs = at.success ? instantOf(at.data, tz) : Number.NaN;
    if (Number.isNaN(atMs)) return out.push({ line, error: `at must be an ISO-8601 time (with an offset, or local to the site), found '${atRaw}'` });
    const mode = (modeRaw ?? '').toUpperCase() || 'WFO';
    if (mode !== 'WFO' && mode !== 'WFH') return out.push({ line, error: `work_mode must be WFO or WFH, found '${modeRaw}'` });
    out.push({ line, code: code.data, kind, atMs, workMode: mode, deviceId: deviceRaw || null });
  });
  return out;
}

const ZK_STATES: Record<string, PunchKind> = { '0': 'IN', '4': 'IN', '1': 'OUT', '5': 'OUT' };

export function parseZkteco(lines: readonly string[], tz: string): ParsedLine[] {
  const out: ParsedLine[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '') return;
    const fields = text.split('\t').map((f) => f.trim());
    if (fields.length < 4)
      return out.push({ line, error: `expected user_id, time, verify and state separated by tabs, found ${fields.length} fields` });
    const [userId, stamp, , state] = fields as [string, string, string, string];
    const code = EmployeeCodeSchema.safeParse(userId);
    if (!code.success) return out.push({ line, error: describe(code.error) });
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(stamp);
    if (!m) return out.push({ line, error: `time must be YYYY-MM-DD HH:MM:SS, found '${stamp}'` });
    const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
      return out.push({ line, error: `'${stamp}' is not a valid date and time` });
    }
    const kind = ZK_STATES[state];
    if (!kind) return out.push({ line, error: `state ${state} is not a check-in (0, 4) or check-out (1, 5)` });
    const atMs = zonedToUtc({ year, month, day, hour, minute, second }, tz);
    if (atMs === null || new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) {
      return out.push({ line, error: `${stamp} does not exist in ${tz}` });
    }
    out.push({ line, code: code.data, kind, atMs, workMode: 'WFO', deviceId: null });
  });
  return out;
}
