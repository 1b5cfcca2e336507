#!/usr/bin/env bash
# The root `test` script (`pnpm test`, the README's test command, and CI through .ci/run):
# bring what the tests need, then `vitest run` with any arguments given.
#
# The tests use real parts: a Redis server (on 127.0.0.1:6379, or REDIS_URL) and the
# redis-server binary (the fault tests start throwaway servers of their own), and Debian's
# Chromium with a CJK font (the browser tests drive it through playwright-core; Playwright's own
# browser download cannot work here). On a fresh Debian machine none of these is there:
#  - missing packages are installed with apt-get, when we are root (or have password-less sudo);
#  - when no Redis answers on 127.0.0.1:6379 (and REDIS_URL names no other), one is started for
#    the run and stopped after it.
# Whatever cannot be had is said here in one line, and the tests that need it report themselves
# skipped (test-support's chromiumAvailable, packages/redis/test/redis.ts) — or, with CI set,
# fail, as does the closing summary for any skipped test.
set -uo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
APT_LOG="${TMPDIR:-/tmp}/smskit-test-apt.log"

say() { printf 'test setup: %s\n' "$*"; }

# A Redis answers PING on 127.0.0.1:6379 — asked over bash's /dev/tcp, so no client is needed.
redis_answers() {
  (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && IFS= read -r -t 2 reply <&3 && [[ $reply == +PONG* ]]) 2>/dev/null
}

# How to run apt-get, or nothing when we may not.
apt_runner() {
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$(id -u)" = 0 ]; then echo env
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then echo sudo
  else return 1
  fi
}

# --- Debian packages -----------------------------------------------------------------------
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x "$CHROMIUM" ] || missing+=(chromium)
# the font only makes the screenshots the browser tests save show Chinese text, not boxes
# (grep reads all of fc-list's output: with -q it would stop early, and pipefail would see SIGPIPE)
fc-list 2>/dev/null | grep -i 'wenquanyi\|wqy' >/dev/null || missing+=(fonts-wqy-zenhei)

if [ ${#missing[@]} -gt 0 ]; then
  if runner=$(apt_runner); then
    say "installing ${missing[*]} (Debian packages; log: $APT_LOG)"
    # another apt run (unattended upgrades, a second test run) holds the lock: wait for it
    lock=(-o DPkg::Lock::Timeout=600)
    if ! { $runner apt-get "${lock[@]}" update -qq && $runner DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -qq "${missing[@]}"; } >"$APT_LOG" 2>&1; then
      say "apt-get failed; its last lines:"
      tail -n 5 "$APT_LOG" | sed 's/^/  /'
    fi
  else
    say "missing ${missing[*]}, and apt-get cannot be used here (not root, or not Debian): the tests that need them will be skipped (in CI: fail). Install them yourself, e.g. as root: apt-get install ${missing[*]}"
  fi
fi
if [ -x "$CHROMIUM" ]; then say "chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
else say "chromium: none at $CHROMIUM; the browser tests will be skipped (in CI: fail)"
fi

# --- a Redis for the run -------------------------------------------------------------------
started_redis=''
# SIGTERM: redis-server shuts down cleanly (nothing to save); wait, so the port is free after us
stop_redis() { if [ -n "$started_redis" ]; then kill "$started_redis" 2>/dev/null; wait "$started_redis" 2>/dev/null; fi; }
trap stop_redis EXIT
if [ -n "${REDIS_URL:-}" ]; then
  say "redis: REDIS_URL is set, the tests use that one"
elif redis_answers; then
  say "redis: answering on 127.0.0.1:6379"
elif command -v redis-server >/dev/null 2>&1; then
  # in-memory only, and ours alone: it stops when this script ends
  redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no >"${TMPDIR:-/tmp}/smskit-test-redis.log" 2>&1 &
  started_redis=$!
  for _ in $(seq 1 50); do redis_answers && break; sleep 0.1; done
  if redis_answers; then say "redis: started redis-server on 127.0.0.1:6379 for this run"
  else say "redis: could not start redis-server on 127.0.0.1:6379 (see ${TMPDIR:-/tmp}/smskit-test-redis.log)"
  fi
else
  say "redis: none answers on 127.0.0.1:6379 and redis-server is not installed; the Redis tests will be skipped (in CI: fail)"
fi

vitest run "$@"
