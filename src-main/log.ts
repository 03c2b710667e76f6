// One logger per subsystem, writing structured JSON lines. Secrets are redacted at the sink,
// so a careless call site cannot leak a PIN, token or database password into a log file.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export type LogSink = (line: string) => void;

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /pin|password|passwd|secret|token|api_?key|authorization|database_?url/i;

let sink: LogSink = (line) => process.stderr.write(line + '\n');
let threshold: number = LEVELS[(process.env.FRONTDESK_LOG_LEVEL as LogLevel) ?? 'info'] ?? LEVELS.info;

export function setLogSink(next: LogSink, level?: LogLevel): void {
  sink = next;
  if (level) threshold = LEVELS[level];
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') {
    return typeof value === 'string' ? value.replace(/(postgres(?:ql)?:\/\/[^:/@]+:)[^@]+@/gi, '$1***@') : value;
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

export function createLogger(subsystem: string): Logger {
  const write = (level: LogLevel, msg: string, fields?: LogFields): void => {
    if (LEVELS[level] < threshold) return;
    const line = { t: new Date().toISOString(), level, sub: subsystem, msg, ...(fields ? (redact(fields) as LogFields) : {}) };
    sink(JSON.stringify(line));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
