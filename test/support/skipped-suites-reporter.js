'use strict';
/**
 * Jest reporter (after the default one): lists every skipped or todo test by file with its title, which for the
 * suites that need a service (PostgreSQL) states why they were skipped. Jest's own summary only counts them.
 */
const path = require('node:path');

class SkippedSuitesReporter {
  constructor(globalConfig) {
    this.root = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const lines = [];
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending' || test.status === 'todo' || test.status === 'skipped') {
          lines.push(`  ${path.relative(this.root, file.testFilePath)}: ${test.title}`);
        }
      }
    }
    if (lines.length) process.stderr.write(`\nSkipped (${lines.length}), and why:\n${lines.join('\n')}\n`);
  }
}

module.exports = SkippedSuitesReporter;
