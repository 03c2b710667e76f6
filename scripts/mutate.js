// `npm run mutate`: StrykerJS over the files the score is kept for, in three runs, then one score.
// - domain: shared/domain against the unit tests (pure code; stryker.domain.config.mjs);
// - punch: the punch services and the SQL guard, and
// - sync: the sync services (direct and through Central), both against the unit tests and the
//   integration tests of those paths on a real SQLite file and PostgreSQL
//   (stryker.punch.config.mjs, stryker.sync.config.mjs; `--only=services` runs both).
// Each run is incremental (Stryker's own --incremental): a mutant whose code and covering tests
// are unchanged since the last run keeps its result; `npm run mutate -- --force` tests every one.
// `npm run mutate -- --report` only prints the score of the last runs; a run that was stopped
// before its end is counted from its progress file (scripts/stryker/progress-reporter.mjs) and
// said to be partial.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { progressFileOf } from './stryker/progress-reporter.mjs';

const RUNS = [
  { name: 'domain', group: 'domain', config: 'stryker.domain.config.mjs', report: 'reports/mutation/domain.json' },
  { name: 'punch', group: 'services', config: 'stryker.punch.config.mjs', report: 'reports/mutation/punch.json' },
  { name: 'sync', group: 'services', config: 'stryker.sync.config.mjs', report: 'reports/mutation/sync.json' },
];
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const runs = RUNS.filter((r) => !only || r.name === only || r.group === only);
if (runs.length === 0) {
  process.stderr.write(`There is no mutation run called "${only}": use domain, punch, sync or services.\n`);
  process.exit(2);
}

if (!args.includes('--report')) {
  for (const run of runs) {
    const res = spawnSync('npx', ['stryker', 'run', run.config, ...(args.includes('--force') ? ['--force'] : [])], { stdio: 'inherit' });
    if (res.status !== 0) {
      process.stderr.write(`The ${run.name} mutation run failed (exit ${res.status}).\n`);
      process.exit(1);
    }
  }
}

// Stryker's score: detected (killed or timed out) over the valid mutants (detected, survived or
// reached by no test); ignored, compile and runtime errors count in neither.
const DETECTED = new Set(['Killed', 'Timeout']);
const VALID = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

/** Each mutant's file and status from the run's JSON report, or from its progress file when that
 *  is newer (a run stopped before it wrote its report), with how many were planned. */
function resultsOf(run) {
  const progress = progressFileOf(run.report);
  const hasReport = existsSync(run.report);
  if (existsSync(progress) && (!hasReport || statSync(progress).mtimeMs > statSync(run.report).mtimeMs)) {
    const byId = new Map();
    let planned = 0;
    for (const line of readFileSync(progress, 'utf8').split('\n')) {
      if (line === '') continue;
      const entry = JSON.parse(line);
      if (entry.planned !== undefined) planned = entry.planned;
      else byId.set(entry.id, entry);
    }
    return { mutants: [...byId.values()], planned, partial: byId.size < planned };
  }
  if (!hasReport) return null;
  const report = JSON.parse(readFileSync(run.report, 'utf8'));
  const mutants = Object.entries(report.files).flatMap(([file, f]) => f.mutants.map((m) => ({ file, status: m.status })));
  return { mutants, planned: mutants.length, partial: false };
}

const pct = (d, v) => (v === 0 ? 100 : Math.round((d / v) * 1000) / 10);
const total = { detected: 0, valid: 0 };
const byFile = new Map();
const partial = [];
for (const run of RUNS) {
  const results = resultsOf(run);
  if (results === null) {
    process.stderr.write(`No ${run.name} report yet (${run.report}): run npm run mutate.\n`);
    continue;
  }
  if (results.partial) partial.push(`${run.name}: ${results.mutants.length} of ${results.planned} mutants`);
  let detected = 0;
  let valid = 0;
  for (const m of results.mutants) {
    const f = byFile.get(m.file) ?? { file: m.file, detected: 0, valid: 0, noCoverage: 0 };
    byFile.set(m.file, f);
    if (DETECTED.has(m.status)) {
      f.detected++;
      detected++;
    }
    if (VALID.has(m.status)) {
      f.valid++;
      valid++;
    }
    if (m.status === 'NoCoverage') f.noCoverage++;
  }
  total.detected += detected;
  total.valid += valid;
  process.stdout.write(`${run.name}: ${pct(detected, valid)} % (${detected} of ${valid})${results.partial ? ', partial' : ''}\n`);
}
const files = [...byFile.values()].sort((a, b) => pct(a.detected, a.valid) - pct(b.detected, b.valid));
for (const f of files.slice(0, 12))
  process.stdout.write(
    `${String(pct(f.detected, f.valid)).padStart(5)} %  ${f.file} (${f.detected}/${f.valid}, ${f.noCoverage} reached by no test)\n`,
  );
if (total.valid === 0) {
  process.stderr.write('No mutation score yet: no run has tested a mutant.\n');
  process.exit(1);
}
const score = pct(total.detected, total.valid);
process.stdout.write(
  `${JSON.stringify({ mutation_score: score, detected: total.detected, valid: total.valid, files: files.length, target: 80, partial })}\n`,
);
process.stdout.write(
  `Mutation score: ${score} % (${total.detected} of ${total.valid} mutants detected)${partial.length > 0 ? `; partial: ${partial.join(', ')} tested` : ''}\n`,
);
