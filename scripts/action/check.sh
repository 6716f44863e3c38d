#!/usr/bin/env bash
# The drift check of the GitHub Action (action.yml): `gen --check` with the
# action's inputs, in the working directory. Under GitHub Actions, gen prints
# ::error annotations on the drifted lines. Exit codes are gen's.
#   INPUT_DOCS    docs folders, one per line (a name may then hold spaces), or on
#                 one line separated by spaces (optional)
#   INPUT_CONFIG  the configuration file (optional)
set -euo pipefail
set -f # folder names are not globs

bin="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bin.cjs"
args=(gen --check)
if [[ -n "${INPUT_CONFIG:-}" ]]; then args+=(--config "$INPUT_CONFIG"); fi
docs="${INPUT_DOCS:-}"
docs="${docs%$'\n'}" # YAML's `|` block ends the value with a line break
if [[ "$docs" == *$'\n'* ]]; then
  # One folder per line, as other actions take lists: spaces inside a name are kept.
  while IFS= read -r dir; do
    dir="${dir%$'\r'}"
    dir="${dir#"${dir%%[![:space:]]*}"}" # leading and trailing blanks are the YAML's indentation
    dir="${dir%"${dir##*[![:space:]]}"}"
    if [[ -n "$dir" ]]; then args+=(--docs "$dir"); fi
  done <<< "$docs"
else
  for dir in $docs; do args+=(--docs "$dir"); done
fi

# Shell-quoted, so a folder name with spaces reads as one argument in the log.
echo "kimi-config-sync $(printf '%q ' "${args[@]}" | sed 's/ $//')"
exec node "$bin" "${args[@]}"
