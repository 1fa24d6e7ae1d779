#!/usr/bin/env bash
# The NativeAOT packaging test links a native binary: it needs a C toolchain (clang or gcc) and zlib's
# headers; the TLS tests make their certificates with openssl. Installs what is missing from Debian's
# packages (the test machines run as root).
set -euo pipefail
have_compiler() { command -v clang >/dev/null || command -v gcc >/dev/null; }
have_zlib() { [ -f /usr/include/zlib.h ]; }
have_openssl() { command -v openssl >/dev/null; }
if have_compiler && have_zlib && have_openssl; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "NativeAOT needs clang (or gcc) and zlib1g-dev; run as root or install them: apt-get install clang zlib1g-dev" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
packages=""
have_zlib || packages="$packages zlib1g-dev"
have_compiler || packages="$packages clang"
have_openssl || packages="$packages openssl"
apt-get install -y -qq --no-install-recommends $packages
