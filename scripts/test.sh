#!/usr/bin/env bash
# The README's test command: unit + end-to-end tests in plain Node, then the integration suite inside a
# real VS Code (code-server + headless Chromium). Ends with one "N passed, N failed" line over all suites.
set -u
cd "$(dirname "$0")/.."
mkdir -p test-artifacts
passed=0; failed=0; status=0

npm run --silent build || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

SFT_TEST_COUNTS=test-artifacts/unit-counts.json npx mocha || status=1
if [ -f test-artifacts/unit-counts.json ]; then
  passed=$((passed + $(node -p "require('./test-artifacts/unit-counts.json').passed")))
  failed=$((failed + $(node -p "require('./test-artifacts/unit-counts.json').failed")))
else
  failed=$((failed + 1))
fi

if [ -f scripts/vscode/run-tests.mjs ] && [ "${SFT_SKIP_VSCODE:-0}" != "1" ]; then
  rm -f test-artifacts/vscode-counts.json
  SFT_TEST_COUNTS=test-artifacts/vscode-counts.json node scripts/vscode/run-tests.mjs || status=1
  if [ -f test-artifacts/vscode-counts.json ]; then
    passed=$((passed + $(node -p "require('./test-artifacts/vscode-counts.json').passed")))
    failed=$((failed + $(node -p "require('./test-artifacts/vscode-counts.json').failed")))
  else
    echo "The VS Code integration suite did not report its counts."
    failed=$((failed + 1))
  fi
fi

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
