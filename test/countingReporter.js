// Mocha's spec output plus a machine-readable count, so scripts/test.sh can print one
// "N passed, N failed" line over the unit and the VS Code suites.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');
const Spec = Mocha.reporters.Spec;
const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountingReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const out = process.env.SFT_TEST_COUNTS;
      if (!out) return;
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, JSON.stringify({ passed: this.stats.passes, failed: this.stats.failures, pending: this.stats.pending }));
    });
  }
}
module.exports = CountingReporter;
