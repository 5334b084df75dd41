#!/usr/bin/env bash
# Sets up and runs docwatch: installs the Debian packages if missing, builds a release binary, and
# runs it. With no arguments it runs the daemon on the example config (etc/docwatch.toml), keeping
# its database and change log under ~/.local/state/docwatch; any arguments are passed to docwatch.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
binary="$(scripts/build-release.sh)"
if [ $# -eq 0 ]; then
    set -- run --config etc/docwatch.toml
fi
exec "$binary" "$@"
