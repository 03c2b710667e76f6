// `npm run mutate`: StrykerJS over the files the score is kept for, in two runs, then one score.
// - shared/domain against the unit tests (pure code; stryker.domain.config.json);
// - the punch, sync and SQL-guard services against the unit tests and the integration tests of
//   those paths on a real SQLite file and PostgreSQL (stryker.services.config.json).
// Both runs are incremental (Stryker's own --incremental): a mutant whose code and covering tests
// are unchanged since the last run keeps its result; `npm run mutate -- --force` tests every one.
// `npm run mutate -- --report` only prints the score of the last runs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const RUNS = [
  { name: 'domain', config: 'stryker.domain.config.json', report: 'reports/mutation/domain.json' },
  { name: 'services', config: 'stryker.services.config.json', report: 'reports/mutation/services.json' },
];
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const runs = RUNS.filter((r) => !only || r.name === only);

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
const total = { detected: 0, valid: 0 };
const files = [];
for (const run of RUNS) {
  if (!existsSync(run.report)) {
    process.stderr.write(`No ${run.name} report yet (${run.report}): run npm run mutate.\n`);
    continue;
  }
  const report = JSON.parse(readFileSync(run.report, 'utf8'));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
    const valid = mutants.filter((m) => VALID.has(m.status)).length;
    const noCoverage = mutants.filter((m) => m.status === 'NoCoverage').length;
    total.detected += detected;
    total.valid += valid;
    files.push({ file, detected, valid, noCoverage });
  }
}
const pct = (d, v) => (v === 0 ? 100 : Math.round((d / v) * 1000) / 10);
files.sort((a, b) => pct(a.detected, a.valid) - pct(b.detected, b.valid));
for (const f of files.slice(0, 12))
  process.stdout.write(
    `${String(pct(f.detected, f.valid)).padStart(5)} %  ${f.file} (${f.detected}/${f.valid}, ${f.noCoverage} reached by no test)\n`,
  );
const score = pct(total.detected, total.valid);
process.stdout.write(`${JSON.stringify({ mutation_score: score, detected: total.detected, valid: total.valid, files: files.length, target: 80 })}\n`);
process.stdout.write(`Mutation score: ${score} % (${total.detected} of ${total.valid} mutants detected)\n`);
