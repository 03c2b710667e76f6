// `npm run mutate -- --report`: the score over the runs' reports, and a run stopped before its end
// counted from its progress file and said to be partial.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = resolve('scripts/mutate.js');
let dir: string;

function report(args: string[] = ['--report']) {
  const res = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: res.status, out: res.stdout, err: res.stderr };
}

function progress(run: string, planned: number, statuses: string[]) {
  const lines = [{ planned, early: 0 }, ...statuses.map((status, i) => ({ id: String(i), file: `src/${run}.ts`, status }))];
  writeFileSync(join(dir, `reports/mutation/${run}-progress.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

function finalReport(run: string, statuses: string[]) {
  const mutants = statuses.map((status, i) => ({ id: String(i), status }));
  writeFileSync(join(dir, `reports/mutation/${run}.json`), JSON.stringify({ files: { [`src/${run}.ts`]: { mutants } } }));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mutate-report-'));
  mkdirSync(join(dir, 'reports/mutation'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('mutate --report', () => {
  it('scores detected (killed or timed out) over valid mutants across the runs, ignored ones in neither', () => {
    finalReport('domain', ['Killed', 'Killed', 'Timeout', 'Survived', 'Ignored', 'CompileError']);
    finalReport('punch', ['Killed', 'NoCoverage']);
    const { status, out } = report();
    expect(status).toBe(0);
    expect(out).toContain('domain: 75 % (3 of 4)\n');
    expect(out).toContain('punch: 50 % (1 of 2)\n');
    expect(out).toContain('Mutation score: 66.7 % (4 of 6 mutants detected)\n');
    expect(out).toMatch(/ 50 % {2}src\/punch\.ts \(1\/2, 1 reached by no test\)/);
  });

  it('counts a run stopped before its end from its progress file and says how far it got', () => {
    finalReport('domain', ['Killed']);
    progress('sync', 5, ['Killed', 'Survived', 'Timeout', 'Killed']);
    const { status, out } = report();
    expect(status).toBe(0);
    expect(out).toContain('sync: 75 % (3 of 4), partial\n');
    expect(out).toContain('Mutation score: 80 % (4 of 5 mutants detected); partial: sync: 4 of 5 mutants tested\n');
  });

  it('reads the final report once it is newer than the progress file, and a finished progress file is not partial', () => {
    progress('sync', 2, ['Killed']);
    finalReport('sync', ['Killed', 'Survived']);
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'reports/mutation/sync-progress.jsonl'), past, past);
    expect(report().out).toContain('sync: 50 % (1 of 2)\n');
    progress('sync', 2, ['Killed', 'Killed']);
    expect(report().out).toContain('sync: 100 % (2 of 2)\n');
  });

  it('says there is no score yet when no run has tested a mutant, and names an unknown run', () => {
    const none = report();
    expect(none.status).toBe(1);
    expect(none.err).toContain('No mutation score yet');
    const unknown = report(['--only=nope', '--report']);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain('There is no mutation run called "nope"');
  });
});
