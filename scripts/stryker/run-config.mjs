// What every `npm run mutate` run shares; each stryker.<run>.config.mjs names its files, its
// tests and its timeout. Reports go to reports/mutation/<run>.json (and -progress.jsonl).
export function strykerRun({ name, vitestConfig, mutate, timeoutMS }) {
  return {
    $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    testRunner: 'vitest',
    vitest: { configFile: vitestConfig, related: false },
    coverageAnalysis: 'perTest',
    mutate,
    appendPlugins: ['./scripts/stryker/progress-reporter.mjs'],
    reporters: ['clear-text', 'progress', 'json', 'progress-jsonl'],
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    incremental: true,
    incrementalFile: `reports/mutation/${name}-incremental.json`,
    concurrency: 2,
    timeoutMS,
    tempDirName: `.stryker-tmp-${name}`,
    ignorePatterns: ['/dist', '/test-results', '/reports', '/.tmp', '/docs', '/release', '/playwright-report', '/tmp-try'],
    thresholds: { high: 85, low: 80, break: null },
    ignoreStatic: true,
  };
}
