// Sums the runners' JSON reports (.reports/) and the pass/fail checks into one closing line.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const lines = [];

for (const line of readFileSync('.reports/checks.txt', 'utf8').split('\n').filter(Boolean)) {
  const [status, name] = line.split(' ');
  if (status === 'pass') passed++;
  else {
    failed++;
    lines.push(`failed check: ${name}`);
  }
}

if (existsSync('.reports/unit.json')) {
  const r = JSON.parse(readFileSync('.reports/unit.json', 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A file that failed to load has no tests but is a failure.
  const broken = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
  failed += broken.length;
  broken.forEach((f) => lines.push(`failed to run: ${f.name}`));
  if (r.numPendingTests + r.numTodoTests > 0) lines.push(`skipped/todo unit tests: ${r.numPendingTests + r.numTodoTests}`);
} else {
  failed++;
  lines.push('unit tests produced no report');
}

if (existsSync('.reports/e2e.json')) {
  const r = JSON.parse(readFileSync('.reports/e2e.json', 'utf8'));
  passed += r.stats.expected + r.stats.flaky;
  failed += r.stats.unexpected;
  if (r.stats.flaky) lines.push(`e2e: ${r.stats.flaky} test(s) passed only on their retry (flaky)`);
  if (r.errors?.length) {
    failed += r.errors.length;
    lines.push(...r.errors.map((e) => `e2e error: ${e.message?.split('\n')[0]}`));
  }
} else {
  failed++;
  lines.push('e2e tests produced no report');
}

for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
