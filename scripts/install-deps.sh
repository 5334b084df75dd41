#!/usr/bin/env bash
# Installs the Debian packages docwatch builds against, if any is missing. Needs root (or sudo).
set -euo pipefail
packages=(libcurl4-openssl-dev libxml2-dev libopencc-dev libuchardet-dev libssl-dev libsqlite3-dev sqlite3 libpq-dev postgresql zlib1g-dev libzstd-dev pkg-config patch
    # Attachments: zip parts of DOCX/XLSX/OFD, PDF text (poppler-data maps CJK CID fonts), DOC/WPS/XLS/ET.
    libzip-dev poppler-utils poppler-data libreoffice-writer-nogui libreoffice-calc-nogui
    # Benchmarks: the loopback web server and reference client of bench/speed-bench.sh and bench/postgres-bench.sh.
    nginx curl)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
