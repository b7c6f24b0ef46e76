#!/usr/bin/env bash
# The longer API fuzz run: 20,000 random JSON bodies per route against the local server.
set -euo pipefail
cd "$(dirname "$0")/.."
FIGCHECK_FUZZ_RUNS="${FIGCHECK_FUZZ_RUNS:-20000}" npx vitest run tests/integration/random-json.fuzz.test.ts --testTimeout=3600000
