#!/usr/bin/env bash
# Fails when a target in Sources/ imports another of this package's targets along an
# edge that docs/architecture.md's picture does not draw, or when a target is missing
# from the picture. The picture is the rule: its `A --> B` lines are the allowed imports.
set -euo pipefail
cd "$(dirname "$0")/.."

edges="$(sed -n '/^```mermaid$/,/^```$/p' docs/architecture.md | sed -n 's/^ *\([A-Za-z0-9_-]*\) --> \([A-Za-z0-9_-]*\) *$/\1 \2/p')"
[ -n "$edges" ] || { echo "check-imports: no A --> B lines in docs/architecture.md's mermaid picture" >&2; exit 1; }
targets="$(ls Sources)"
drawn="$(echo "$edges" | tr ' ' '\n' | sort -u)"

status=0
for target in $targets; do
  if ! grep -qx "$target" <<< "$drawn"; then
    echo "check-imports: Sources/$target is not in docs/architecture.md's picture" >&2
    status=1
  fi
  while IFS=: read -r file line module; do
    [ -n "$module" ] || continue
    grep -qx "$module" <<< "$targets" || continue          # an outside package
    if ! grep -qx "$target $module" <<< "$edges"; then
      echo "$file:$line: $target imports $module, an edge docs/architecture.md does not allow" >&2
      status=1
    fi
  done < <(grep -rn -E '^(@testable |@_exported |public |internal |package )?import ' "Sources/$target" --include='*.swift' |
           sed -E 's/^([^:]*):([0-9]*):.*import +([A-Za-z0-9_]+).*/\1:\2:\3/')
done
[ $status -eq 0 ] && echo "check-imports: every import between targets is drawn in docs/architecture.md ($(echo "$edges" | wc -l) edges)"
exit $status
