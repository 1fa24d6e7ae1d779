#!/usr/bin/env bash
# The UI test drives a real browser: Debian's Chromium, at /usr/bin/chromium. Installs it from Debian's packages
# when it is missing (the test machines run as root); nothing is downloaded at test time.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "The browser test needs Chromium at /usr/bin/chromium; run as root or install it: apt-get install chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Another installer may hold dpkg's lock for a while: wait for it rather than fail.
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium </dev/null
