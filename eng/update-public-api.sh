#!/usr/bin/env bash
# Rewrites the public API baselines of the packages under src/ from their code.
#
#   eng/update-public-api.sh                 every package under src/
#   eng/update-public-api.sh src/RiskSdk ... only the packages named
#   eng/update-public-api.sh --ship          when a release is cut: moves every Unshipped line into Shipped (applying
#                                            the *REMOVED* lines) and empties Unshipped
#
# For each package it empties PublicAPI.Unshipped.txt, builds the project once (Release, every target framework) with
# RiskSdkPublicApiUpdate=true, which makes the API rules warnings for that build only, and writes back what the
# analyzer reports, in the analyzer's own text (source-generated members included, which `dotnet format` cannot fix):
#   - RS0016, public but not in PublicAPI.Shipped.txt: a line of PublicAPI.Unshipped.txt;
#   - RS0017, in PublicAPI.Shipped.txt but gone: "*REMOVED*<line>" in PublicAPI.Unshipped.txt (a breaking change,
#     recorded for review, never erased silently).
# A line reported for every target framework goes in the package's files; one reported for only some goes in
# PublicAPI/<framework>/PublicAPI.Unshipped.txt (the System.Text.Json generator of .NET 10 emits nullable-oblivious
# properties where the .NET 8 one annotates them). Lines are sorted; each file starts `#nullable enable`.
# Review the diff: each changed line is a change to what users of the package compile against.
set -euo pipefail
cd "$(dirname "$0")/.."
header='#nullable enable'

# Writes the header, then the lines of stdin sorted ordinally without duplicates, into $1.
write_api() {
  local file=$1
  mkdir -p "$(dirname "$file")"
  { echo "$header"; grep -v '^[[:space:]]*$' | grep -vxF "$header" | LC_ALL=C sort -u; } > "$file" || true
}

# The lines of a baseline file without its header (nothing when it does not exist).
entries() { [ -f "$1" ] && grep -vxF "$header" "$1" | grep -v '^[[:space:]]*$' || true; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "${1:-}" = "--ship" ]; then
  for unshipped in src/*/PublicAPI.Unshipped.txt src/*/PublicAPI/*/PublicAPI.Unshipped.txt; do
    [ -f "$unshipped" ] || continue
    shipped=$(dirname "$unshipped")/PublicAPI.Shipped.txt
    entries "$unshipped" | sed -n 's/^\*REMOVED\*//p' > "$work/removed"
    { entries "$shipped" | grep -vxF -f "$work/removed" || true; entries "$unshipped" | grep -v '^\*REMOVED\*' || true; } > "$work/shipped"
    write_api "$shipped" < "$work/shipped"
    echo "$header" > "$unshipped"
    echo "$shipped: $(entries "$shipped" | wc -l) entries"
  done
  exit 0
fi

projects=()
for arg in "${@:-src/*/}"; do
  for project in ${arg%/}/*.csproj ${arg%.csproj}.csproj; do
    [ -f "$project" ] && projects+=("$project")
  done
done
if [ ${#projects[@]} -eq 0 ]; then
  echo "usage: $0 [--ship | src/<package> ...]" >&2
  exit 2
fi

for project in "${projects[@]}"; do
  dir=$(dirname "$project")
  for file in "$dir/PublicAPI.Shipped.txt" "$dir/PublicAPI.Unshipped.txt"; do
    [ -f "$file" ] || echo "$header" > "$file"
  done
  frameworks=$(dotnet msbuild "$project" -getProperty:TargetFrameworks)
  [ -n "$frameworks" ] || frameworks=$(dotnet msbuild "$project" -getProperty:TargetFramework)
  IFS=';' read -r -a frameworks <<< "$frameworks"

  # Start from empty Unshipped files, so the build reports every line they must hold; put them back if it fails.
  rm -rf "$work/saved" && mkdir -p "$work/saved"
  for unshipped in "$dir"/PublicAPI.Unshipped.txt "$dir"/PublicAPI/*/PublicAPI.Unshipped.txt; do
    [ -f "$unshipped" ] || continue
    mkdir -p "$work/saved/$(dirname "$unshipped")" && cp "$unshipped" "$work/saved/$unshipped"
    echo "$header" > "$unshipped"
  done
  if ! dotnet build "$project" -c Release -p:RiskSdkPublicApiUpdate=true -nologo -clp:NoSummary > "$work/build.log" 2>&1; then
    cp -r "$work/saved/." .
    grep -E ": error |error\(s\)" "$work/build.log" | sort -u >&2
    echo "update-public-api: $project does not build (see above); fix that first" >&2
    exit 1
  fi

  # "<file>(l,c): warning RS0016: Symbol '<line>' is not part of the declared public API (<help>) [<project>::TargetFramework=<tf>]"
  case $project in /*) full=$project ;; *) full=$PWD/${project#./} ;; esac
  location=$(printf '%s' "$full" | sed 's/[.[\*^$/]/\\&/g')
  for framework in "${frameworks[@]}"; do
    suffix="(::TargetFramework=$framework)?"
    [ ${#frameworks[@]} -gt 1 ] && suffix="::TargetFramework=$framework"
    sed -nE \
      -e "s/.*warning RS0016: Symbol '(.*)' is not part of the declared public API .*\[$location$suffix\]\$/\1/p" \
      -e "s/.*warning RS0017: Symbol '(.*)' is part of the declared API, but is either not public or could not be found .*\[$location$suffix\]\$/*REMOVED*\1/p" \
      "$work/build.log" | LC_ALL=C sort -u > "$work/$framework"
  done

  # Lines every framework reports belong to the package; the rest to the frameworks that report them.
  cp "$work/${frameworks[0]}" "$work/common"
  for framework in "${frameworks[@]}"; do
    LC_ALL=C comm -12 "$work/common" "$work/$framework" > "$work/common.next" && mv "$work/common.next" "$work/common"
  done
  write_api "$dir/PublicAPI.Unshipped.txt" < "$work/common"
  summary="$(wc -l < "$work/common") lines"
  for framework in "${frameworks[@]}"; do
    own=$dir/PublicAPI/$framework/PublicAPI.Unshipped.txt
    LC_ALL=C comm -23 "$work/$framework" "$work/common" > "$work/own"
    if [ -s "$work/own" ]; then
      write_api "$own" < "$work/own"
      summary="$summary, $(wc -l < "$work/own") for $framework only"
    elif [ -f "$(dirname "$own")/PublicAPI.Shipped.txt" ]; then
      echo "$header" > "$own"
    else
      rm -f "$own" && rmdir "$(dirname "$own")" "$dir/PublicAPI" 2>/dev/null || true
    fi
  done
  echo "$project: PublicAPI.Unshipped.txt has $summary"

  others=$(grep -E "warning RS00[0-9]+:" "$work/build.log" | grep -vE "warning RS001[67]:" | sort -u || true)
  if [ -n "$others" ]; then
    echo "$others" >&2
    echo "update-public-api: $project has the API warnings above left to fix by hand" >&2
  fi
done
