// A StrykerJS reporter that writes each mutant's result as one JSON line the moment it is known
// (reports/mutation/<run>-progress.jsonl), so a run stopped before its end — a machine shut down,
// a session out of time — still says what it tested. Stryker's own JSON report and incremental
// file are written only when every mutant is done. `npm run mutate -- --report` reads this file
// when it is newer than the run's JSON report.
//
// Lines: {"planned": N, "early": M} once the plan is made (M mutants need no run: ignored, or
// kept from the incremental file), then {"id", "file", "line", "mutator", "replacement",
// "status"} for each mutant, so a survivor can be read (and a test written for it) mid-run.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { PluginKind, commonTokens, declareClassPlugin } from '@stryker-mutator/api/plugin';

/** The progress file beside the run's JSON report: domain.json → domain-progress.jsonl. */
export function progressFileOf(reportFile) {
  return reportFile.replace(/\.json$/, '') + '-progress.jsonl';
}

class ProgressReporter {
  static inject = [commonTokens.options];

  constructor(options) {
    this.file = progressFileOf(options.jsonReporter.fileName);
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, '');
  }

  onMutationTestingPlanReady({ mutantPlans }) {
    const early = mutantPlans.filter((p) => p.plan === 'EarlyResult').length;
    this.write({ planned: mutantPlans.length, early });
  }

  onMutantTested(result) {
    this.write({
      id: result.id,
      file: relative(process.cwd(), result.fileName),
      line: result.location.start.line,
      mutator: result.mutatorName,
      replacement: result.replacement,
      status: result.status,
    });
  }

  write(line) {
    appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'progress-jsonl', ProgressReporter)];
