#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core (Playwright's own browser
# download cannot work here). Install it when it is missing.
set -euo pipefail
# A CJK font too, so that the screenshots the tests save show Chinese text, not boxes.
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy"; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei) >/dev/null
  echo "chromium: installed $(/usr/bin/chromium --version 2>/dev/null)"
else
  echo "chromium: missing and apt-get is not available; browser tests will fail" >&2
  exit 1
fi
