// `frontdesk`: the command line, a third client of the same contract (after IPC and HTTP).
import { createLogger, setLogSink, type LogLevel } from '../log.js';
import { employeesCommand } from './commands/employees.js';
import { importCommand } from './commands/import.js';
import { punchCommand } from './commands/punch.js';
import { punchesCommand } from './commands/punches.js';
import { reportCommand } from './commands/report.js';
import { auditCommand } from './commands/audit.js';
import { sqlCommand } from './commands/sql.js';
import { askCommand } from './commands/ask.js';
import { summaryCommand } from './commands/summary.js';
import { aiCommand } from './commands/ai.js';
import { autoCheckoutCommand } from './commands/auto-checkout.js';
import { sitesCommand, teamsCommand } from './commands/sites-teams.js';
import { serveCommand } from './commands/serve.js';
import { centralCommand } from './commands/central.js';
import { statusCommand } from './commands/status.js';
import { syncCommand } from './commands/sync.js';
import { verifyCommand } from './commands/verify.js';
import { enrollCommand } from './commands/enroll.js';
import { reportFailure } from './output.js';

interface Command {
  usage: string;
  summary: string;
  run(argv: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  punch: punchCommand,
  employees: employeesCommand,
  punches: punchesCommand,
  import: importCommand,
  status: statusCommand,
  sync: syncCommand,
  verify: verifyCommand,
  report: reportCommand,
  audit: auditCommand,
  sql: sqlCommand,
  ask: askCommand,
  summary: summaryCommand,
  ai: aiCommand,
  'auto-checkout': autoCheckoutCommand,
  sites: sitesCommand,
  teams: teamsCommand,
  central: centralCommand,
  enroll: enrollCommand,
};

function help(): string {
  return [
    'frontdesk — attendance kiosk',
    '',
    'Usage: frontdesk <command> [options]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Every command takes:',
    '  --data DIR   data folder (default: FRONTDESK_DATA, else the per-user app data folder)',
    '  --json       machine-readable output on stdout',
    '  --no-demo    do not create demo data in a new data folder',
    '  --demo       create it even with DATABASE_URL set (only into an empty central)',
  ].join('\n');
}

/** The log message of an unhandled promise rejection; the end-to-end tests fail on it. */
export const UNHANDLED = 'unhandled promise rejection';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes('--json');
  const command = name && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (name && !command && !['help', '--help', '-h'].includes(name)) {
    const message = `unknown command ${JSON.stringify(name)}; the commands are ${Object.keys(COMMANDS).join(', ')} (frontdesk help shows how to use them)`;
    if (json) process.stdout.write(JSON.stringify({ error: { code: 'BAD_INPUT', message } }, null, 2) + '\n');
    else process.stderr.write(`frontdesk: ${message}\n`);
    return 2;
  }
  if (!command || name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    const wanted = !name || name === 'help' || name === '--help' || name === '-h' || command !== undefined;
    (wanted ? process.stdout : process.stderr).write((command ? `usage: frontdesk ${command.usage}` : help()) + '\n');
    return wanted ? 0 : 2;
  }
  const level: LogLevel =
    (process.env.FRONTDESK_LOG_LEVEL as LogLevel | undefined) ?? (name === 'serve' || (name === 'central' && rest[0] === 'serve') ? 'info' : 'warn');
  setLogSink((line) => process.stderr.write(line + '\n'), level);
  // A promise nobody handled is a bug: it is logged (tests fail on this line) and, for a one-shot
  // command, makes the exit code non-zero; a long-running host stays up to keep taking punches.
  process.on('unhandledRejection', (reason) => {
    createLogger('process').error(UNHANDLED, { error: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason) });
    if (name !== 'serve' && !(name === 'central' && rest[0] === 'serve')) process.exitCode = 1;
  });
  try {
    return await command.run(rest);
  } catch (err) {
    return reportFailure(err, json);
  }
}
