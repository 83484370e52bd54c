#!/usr/bin/env bash
# `make system-deps`: the operating-system packages the test suite needs, installed
# with apt-get when missing (quick and idempotent when everything is there).
#
#   redis-server  Debian's (built with TLS): the Feast online-store and Entra Redis tests
#                 start their own servers on loopback ports
#   openssl       the TLS certificates those Redis tests make
#   nodejs, npm   Azurite, the Azure Storage emulator, which the tests install from npm
#                 into build/azurite and start on a loopback port
#   python3-venv  only where `python3 -m venv` lacks ensurepip (checkov's own virtualenv)
#   postgresql    Debian's server (initdb and pg_ctl under /usr/lib/postgresql/*/bin):
#                 the batch-ingestion tests start their own cluster on a loopback port
#
# As root it runs apt-get; otherwise through sudo when there is one. When it cannot
# install, it fails naming the packages and the command to run.
set -euo pipefail

missing=()
need() {  # need COMMAND PACKAGE: PACKAGE is missing when COMMAND is not on PATH
  command -v "$1" >/dev/null 2>&1 || missing+=("$2")
}
need redis-server redis-server
need openssl openssl
need node nodejs
need npm npm
python3 -c 'import ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
# Debian keeps the server binaries off PATH, under the major version's folder.
have_postgres() { command -v initdb >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }
have_postgres || missing+=(postgresql)

if (( ${#missing[@]} == 0 )); then
  echo "system-deps: redis-server, openssl, node, npm and postgresql are installed"
  exit 0
fi

packages="${missing[*]}"
command_line="apt-get update && apt-get install -y --no-install-recommends $packages"
fail() {
  echo "system-deps: $1" >&2
  echo "system-deps: the tests need: $packages. Install them with:" >&2
  echo "    sudo sh -c '$command_line'" >&2
  echo "  (or your system's package manager), then run make test again." >&2
  exit 1
}

if ! command -v apt-get >/dev/null 2>&1; then
  fail "no apt-get on this machine"
fi
if [[ $(id -u) -eq 0 ]]; then
  as_root=()
  how="apt-get"
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
  how="sudo apt-get"
else
  fail "not root, and there is no sudo"
fi

echo "system-deps: installing $packages with $how"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
  || fail "apt-get update failed"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || fail "apt-get install failed"

# What the tests look for must now be on PATH.
still=()
for command in redis-server openssl node npm; do
  command -v "$command" >/dev/null 2>&1 || still+=("$command")
done
have_postgres || still+=(initdb)
if (( ${#still[@]} )); then
  fail "installed, but still not on PATH: ${still[*]}"
fi
echo "system-deps: installed $packages"
