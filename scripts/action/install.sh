#!/usr/bin/env bash
# Prepares the action's own checkout: installs the locked dependencies and builds
# the bundle once, so the check step runs it like an installed package.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if [[ -f dist/cli.cjs ]]; then exit 0; fi
npx --yes pnpm@10 install --frozen-lockfile --silent
node scripts/build.mjs
