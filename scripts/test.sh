#!/usr/bin/env bash
# Runs the whole test suite: installs the Debian packages if missing, starts a throwaway PostgreSQL
# cluster on loopback (unless DOCWATCH_TEST_POSTGRES already names one) so the store suite runs on both
# backends, then swift test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [ -z "${DOCWATCH_TEST_POSTGRES:-}" ]; then
    cluster=$(mktemp -d /tmp/docwatch-test-pg.XXXXXX)
    trap 'scripts/postgres-test-cluster.sh stop "$cluster" || true; rm -rf "$cluster"' EXIT
    DOCWATCH_TEST_POSTGRES=$(scripts/postgres-test-cluster.sh start "$cluster" "${DOCWATCH_TEST_POSTGRES_PORT:-54330}")
    export DOCWATCH_TEST_POSTGRES
fi
swift build --build-tests
swift test --skip-build
