#!/usr/bin/env bash
# Builds the release docwatch and installs it with its shell completions and man page:
#   /usr/local/bin/docwatch
#   /usr/local/share/man/man1/docwatch.1
#   /usr/share/bash-completion/completions/docwatch
#   /usr/share/zsh/vendor-completions/_docwatch
#   /usr/share/fish/vendor_completions.d/docwatch.fish
# DESTDIR stages the tree elsewhere (packaging, checks); PREFIX moves the binary and man page
# (default /usr/local); DOCWATCH_BINARY installs an already built binary instead of building one.
#
# The man page comes from swift-argument-parser's generate-manual tool, run directly on the built
# binary: its `swift package generate-manual` plugin works too, but builds every product again in
# release mode (19 min on a busy 2-core machine, against under 2 min for the tool alone).
set -euo pipefail
cd "$(dirname "$0")/.."
destdir=${DESTDIR:-}
prefix=${PREFIX:-/usr/local}
binary=${DOCWATCH_BINARY:-$(scripts/build-release.sh)}

parser=""
for scratch in .build-release .build; do
    if [ -d "$scratch/checkouts/swift-argument-parser/Tools/generate-manual" ]; then
        parser="$scratch/checkouts/swift-argument-parser"
        break
    fi
done
if [ -z "$parser" ]; then
    swift package resolve >&2
    parser=.build/checkouts/swift-argument-parser
fi
tools=.build-tools
swift build -c release --package-path "$parser" --scratch-path "$tools" --product generate-manual >&2

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
"$tools/release/generate-manual" "$binary" --output-directory "$staging" >&2
"$binary" --generate-completion-script bash > "$staging/docwatch.bash"
"$binary" --generate-completion-script zsh > "$staging/_docwatch"
"$binary" --generate-completion-script fish > "$staging/docwatch.fish"

install -D -m 0755 "$binary" "$destdir$prefix/bin/docwatch"
install -D -m 0644 "$staging/docwatch.1" "$destdir$prefix/share/man/man1/docwatch.1"
install -D -m 0644 "$staging/docwatch.bash" "$destdir/usr/share/bash-completion/completions/docwatch"
install -D -m 0644 "$staging/_docwatch" "$destdir/usr/share/zsh/vendor-completions/_docwatch"
install -D -m 0644 "$staging/docwatch.fish" "$destdir/usr/share/fish/vendor_completions.d/docwatch.fish"
echo "installed $destdir$prefix/bin/docwatch, its man page and bash, zsh and fish completions" >&2
