/**
 * A jest reporter that closes the run with why tests were skipped: each skipped suite carries its
 * reason in its name ("… — skipped: <reason>"), listed here with how many tests it holds, so that
 * the reason shows beside jest's summary. A skip without a reason in its name is listed as such.
 */
const path = require('node:path');

const MARK = ' — skipped: ';

class SkippedTestsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const counts = new Map();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status !== 'pending' && test.status !== 'todo') continue;
        const named = [...test.ancestorTitles, test.title].find((title) => title.includes(MARK));
        const line = named ?? `${path.relative(this.rootDir, file.testFilePath)}: ${test.fullName} (skipped, no reason in its name)`;
        counts.set(line, (counts.get(line) ?? 0) + 1);
      }
    }
    if (counts.size === 0) return;
    process.stderr.write('Skipped tests, and why:\n');
    for (const [line, count] of counts) process.stderr.write(`  ${count} × ${line}\n`);
  }
}

module.exports = SkippedTestsReporter;
