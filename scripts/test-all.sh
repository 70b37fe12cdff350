#!/usr/bin/env bash
# npm test: type-check, lint, unit + DOM tests, Chrome and Firefox builds, web-ext lint, e2e on
# the built extension. Every stage runs even when an earlier one failed, so one run shows everything;
# the last line is `N passed, N failed`, counted from the runners' JSON reports.
set -u
cd "$(dirname "$0")/.."
rm -rf .reports && mkdir -p .reports
: > .reports/checks.txt

check() { # name, command…
  local name=$1; shift
  echo "▶ $name"
  if "$@"; then echo "pass $name" >> .reports/checks.txt; else echo "fail $name" >> .reports/checks.txt; echo "✖ $name failed"; fi
}

check typecheck npx tsc --noEmit
check lint npx eslint . --max-warnings=0
check format npx prettier --check . --log-level warn
echo "▶ unit tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/unit.json
check build-chrome npx wxt build
check build-firefox npx wxt build -b firefox
# The sync e2e specs load a build with the CRM API hosts granted at install (wxt.config.ts, E2E_HOSTS).
check build-chrome-e2e env RAPPORT_E2E_API_HOSTS=1 WXT_OUT_DIR=.output-e2e npx wxt build
# Mozilla's linter on the Firefox build (offline), and both built manifests against wxt.config.ts.
check web-ext-lint npx tsx scripts/lint-firefox.ts
if [ -f .output/chrome-mv3/manifest.json ]; then
  echo "▶ e2e tests"
  CI=1 npx playwright test
else
  echo "✖ no Chrome build: e2e tests not run"
fi
exec node scripts/tally.mjs
