#!/usr/bin/env bash
# The drift check of the GitHub Action (action.yml): `gen --check` with the
# action's inputs, in the working directory. Under GitHub Actions, gen prints
# ::error annotations on the drifted lines. Exit codes are gen's.
#   INPUT_DOCS    docs folders, separated by spaces or new lines (optional)
#   INPUT_CONFIG  the configuration file (optional)
set -euo pipefail
set -f # folder names are not globs

bin="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bin.cjs"
args=(gen --check)
if [[ -n "${INPUT_CONFIG:-}" ]]; then args+=(--config "$INPUT_CONFIG"); fi
for dir in ${INPUT_DOCS:-}; do args+=(--docs "$dir"); done

echo "kimi-config-sync ${args[*]}"
exec node "$bin" "${args[@]}"
