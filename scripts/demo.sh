#!/usr/bin/env bash
# npm run demo: build the extension, then run it in Chromium on the bundled sample data.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "Chromium was not found at $CHROMIUM_PATH." >&2
  echo "Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary." >&2
  exit 1
fi
out="${WXT_OUT_DIR:-.output}"
npx wxt build
RAPPORT_EXT_DIR="$out/chrome-mv3" exec npx tsx scripts/demo/run.ts
