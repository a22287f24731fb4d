#!/usr/bin/env bash
# Run a command with Debian's Chromium available for the end-to-end tests: installs the
# chromium package when /usr/bin/chromium is missing (as root; playwright-core never downloads
# a browser), then runs the command. TVERR_CHROMIUM may name another Chromium binary.
set -euo pipefail

chromium="${TVERR_CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "with-chromium: $chromium is missing; install Debian's chromium package" >&2
    exit 1
  fi
  echo "with-chromium: installing Debian's chromium" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
"$chromium" --version >&2
"$@"
