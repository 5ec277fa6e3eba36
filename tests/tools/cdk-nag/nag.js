// Runs cdk-nag's AwsSolutions and Serverless packs over a synthesized MoodtunesStack template and holds every finding
// against the suppression list in docs/deploy.md (the table between the "cdk-nag suppressions" markers), which is the
// only place a finding may be excused, with its reason.
//
//   node nag.js <template.json> <docs/deploy.md>
//
// Prints one line per finding ("suppressed" or "UNSUPPRESSED"), one per list entry that matched nothing ("UNUSED"),
// and last a JSON summary line. Exits 1 when a finding is unsuppressed or an entry is unused, 2 on bad input.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { App, DefaultStackSynthesizer, Stack, Validations } = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks, ServerlessChecks } = require('cdk-nag');

const [templateFile, docsFile] = process.argv.slice(2);
if (!templateFile || !docsFile) {
  console.error('usage: node nag.js <template.json> <docs/deploy.md>');
  process.exit(2);
}

/** Rows of the markdown table between the markers: finding id, logical id prefixes, reason. */
function suppressions(markdown) {
  const section = /<!-- cdk-nag suppressions: begin -->([\s\S]*?)<!-- cdk-nag suppressions: end -->/.exec(markdown);
  if (!section) {
    throw new Error(`${docsFile} has no "cdk-nag suppressions" section`);
  }
  return section[1].split('\n')
    .filter((line) => /^\|\s*`/.test(line))
    .map((line) => {
      const [finding, resources, reason] = line.split('|').slice(1, 4).map((cell) => cell.trim());
      const ids = (text) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      return { rule: ids(finding)[0], resources: ids(resources), reason, used: false };
    });
}

// A rule id without a [finding] part covers every finding of that rule.
const covers = (entry, rule, logicalId) =>
  (rule === entry.rule || rule.startsWith(`${entry.rule}[`)) && entry.resources.some((prefix) => logicalId.startsWith(prefix));

const list = suppressions(fs.readFileSync(docsFile, 'utf8'));
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'moodtunes-nag-'));
try {
  const app = new App({ outdir });
  // The template already carries the bootstrap version check of the synthesizer that made it.
  const stack = new Stack(app, 'MoodtunesStack', { synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }) });
  new CfnInclude(stack, 'Template', { templateFile });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  // cdk-nag prints its own report as it goes and the synth then fails on its errors; the report file it leaves is
  // read below instead, against the list.
  const quiet = { log: console.log, error: console.error, warn: console.warn };
  Object.assign(console, { log() {}, error() {}, warn() {} });
  try {
    app.synth();
  } catch (error) {
    if (!fs.existsSync(path.join(outdir, 'validation-report.json'))) {
      throw error;
    }
  } finally {
    Object.assign(console, quiet);
  }

  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
  const summary = { findings: 0, suppressed: 0, unsuppressedErrors: 0, unsuppressedWarnings: 0, unused: 0 };
  for (const plugin of report.pluginReports) {
    for (const violation of plugin.violations) {
      for (const construct of violation.violatingConstructs) {
        const logicalId = construct.constructPath.split('/').pop();
        const entry = list.find((e) => covers(e, violation.ruleName, logicalId));
        summary.findings++;
        if (entry) {
          entry.used = true;
          summary.suppressed++;
          console.log(`suppressed   ${violation.severity} ${violation.ruleName} ${logicalId}`);
        } else {
          summary[violation.severity === 'error' ? 'unsuppressedErrors' : 'unsuppressedWarnings']++;
          console.log(`UNSUPPRESSED ${violation.severity} ${violation.ruleName} ${logicalId}: ${violation.description}`);
        }
      }
    }
  }
  for (const entry of list.filter((e) => !e.used)) {
    summary.unused++;
    console.log(`UNUSED       ${entry.rule} ${entry.resources.join(', ')}: the list excuses a finding that no longer occurs`);
  }
  console.log(JSON.stringify(summary));
  process.exitCode = summary.unsuppressedErrors + summary.unsuppressedWarnings + summary.unused > 0 ? 1 : 0;
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}
