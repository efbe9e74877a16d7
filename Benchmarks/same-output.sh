#!/usr/bin/env bash
# Proves that a refactor leaves every output byte-identical: runs the same commands with a base commit's
# binary and with the current work tree's binary, over the same inputs at the same paths, and compares.
#
#     bash Benchmarks/same-output.sh [BASE_REF]      # BASE_REF: any commit-ish, default cec834b
#
# 1. Checks BASE_REF out, detached, into a worktree beside the repository (SAME_OUTPUT_WORKTREE, default
#    <folder holding the repository>/wt-same-output-base; reused, and moved to BASE_REF when it is elsewhere,
#    so its build stays cached) and builds `cosolicit` in debug there and in the current work tree, each
#    with --scratch-path .build-same-output (git-ignored; does not wait on anyone's .build).
# 2. Writes the inputs with the base binary: copies of Examples/cascade-valley and Examples/invalid, and
#    `cosolicit sample` workspaces for seeds 1, 2 and 7 in every format (csv, yaml, json, mixed) at
#    12 participants × 40 lines, plus one of 150 × 60 (mixed, seed 3).
# 3. For each workspace and each binary (base first), from the same folder, on a fresh copy of the workspace
#    at the same path and into the same output path: `aggregate --format table|json|csv` (standard output),
#    `aggregate --format json --out FILE`, `validate`, `validate --format json` and `build --out DIR`;
#    keeps standard output, standard error and the exit status of each, and the built package (its files
#    and the zip).
# 4. Prints one line per compared output, `same` or `DIFFERS: <file>` with a short diff for text, and
#    exits 0 when everything is identical, 1 when anything differs, 2 when it cannot run (bad ref, a build
#    fails). Everything but the worktree and the .build-same-output folders lives in a temporary folder
#    that is removed on exit (SAME_OUTPUT_KEEP=1 keeps it and prints where it is).
set -euo pipefail

base_ref=${1:-cec834b}
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
if [[ $base_ref == -h || $base_ref == --help ]]; then usage; exit 0; fi
if [[ $# -gt 1 || $base_ref == -* ]]; then usage >&2; exit 2; fi

fail() { echo "same-output: $*" >&2; exit 2; }

repo=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel) || fail "not inside a git repository"
common=$(cd "$repo" && cd "$(git rev-parse --git-common-dir)" && pwd)
base_sha=$(git -C "$repo" rev-parse --verify --quiet "$base_ref^{commit}") ||
  fail "'$base_ref' is not a commit in $repo"
worktree=${SAME_OUTPUT_WORKTREE:-$(dirname "$common")/../wt-same-output-base}
worktree=$(mkdir -p "$(dirname "$worktree")" && cd "$(dirname "$worktree")" && pwd)/$(basename "$worktree")
case "$worktree/" in "$repo"/*) fail "the base worktree $worktree must lie outside the work tree $repo" ;; esac
scratch=.build-same-output

temporary=$(mktemp -d "${TMPDIR:-/tmp}/same-output.XXXXXX")
cleanup() {
  if [[ ${SAME_OUTPUT_KEEP:-} == 1 ]]; then echo "kept $temporary"; else rm -rf "$temporary"; fi
}
trap cleanup EXIT

# --- 1. The base worktree and the two builds -------------------------------------------------------------
if [[ -e $worktree ]]; then
  [[ $(cd "$worktree" 2>/dev/null && cd "$(git rev-parse --git-common-dir 2>/dev/null)" && pwd) == "$common" ]] ||
    fail "$worktree exists but is not a worktree of $repo; remove it or set SAME_OUTPUT_WORKTREE"
  if [[ $(git -C "$worktree" rev-parse HEAD) != "$base_sha" ]]; then
    echo "moving the base worktree $worktree to ${base_sha:0:12}"
    git -C "$worktree" checkout --quiet --detach "$base_sha" ||
      fail "cannot move $worktree to $base_ref (local changes there?)"
  fi
else
  echo "creating the base worktree $worktree at ${base_sha:0:12}"
  git -C "$repo" worktree add --quiet --detach "$worktree" "$base_sha" ||
    fail "git worktree add failed (a stale registration? see 'git worktree list' and 'git worktree prune')"
fi
# Package.resolved is not tracked; the base resolves to the same pins as the work tree (and offline).
if [[ ! -e $worktree/Package.resolved && -e $repo/Package.resolved ]]; then
  cp "$repo/Package.resolved" "$worktree/Package.resolved"
fi

build() { # build LABEL FOLDER → copies the debug binary to $temporary/LABEL-cosolicit
  local label=$1 folder=$2 log=$temporary/$1-build.log
  echo "building $label ($folder) in debug..."
  if ! (cd "$folder" && swift build --product cosolicit --scratch-path "$scratch") >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    fail "the $label build failed (full log above, last 30 lines)"
  fi
  cp "$(cd "$folder" && swift build --product cosolicit --scratch-path "$scratch" --show-bin-path)/cosolicit" \
    "$temporary/$label-cosolicit"
}
build base "$worktree"
build current "$repo"
base_binary=$temporary/base-cosolicit
current_binary=$temporary/current-cosolicit

"$base_binary" build --help | grep -q -- '--out' || fail "the base binary's build has no --out option"
validate_json=no
if "$base_binary" validate --help | grep -q -- '--format'; then validate_json=yes; fi

# --- 2. Inputs, written by the base binary ---------------------------------------------------------------
inputs=$temporary/inputs
mkdir -p "$inputs"
cp -R "$worktree/Examples/cascade-valley" "$inputs/cascade-valley"
cp -R "$worktree/Examples/invalid" "$inputs/invalid"
sample() { # sample NAME PARTICIPANTS LINES SEED FORMATS
  "$base_binary" sample "$inputs/$1" --participants "$2" --lines "$3" --seed "$4" --formats "$5" >/dev/null ||
    fail "cosolicit sample $1 failed"
}
for seed in 1 2 7; do
  for formats in csv yaml json mixed; do
    sample "sample-$formats-seed$seed-12x40" 12 40 "$seed" "$formats"
  done
done
sample sample-mixed-seed3-150x60 150 60 3 mixed
workspaces=$(cd "$inputs" && ls)
echo "inputs: $(echo "$workspaces" | wc -l) workspaces; validate --format json: $validate_json"

# --- 3. The same commands with each binary, at the same paths --------------------------------------------
workspace=$temporary/workspace     # each workspace is copied here, fresh, before each binary runs on it
output=$temporary/output           # where build and aggregate --out write
runs=$temporary/run                # the folder the commands run from
mkdir -p "$runs"

run() { # run RESULTS NAME ARGUMENTS... → RESULTS/NAME.stdout, .stderr, .status
  local results=$1 name=$2 status=0
  shift 2
  (cd "$runs" && "$binary" "$@") >"$results/$name.stdout" 2>"$results/$name.stderr" || status=$?
  echo "$status" >"$results/$name.status"
}

for label in base current; do
  binary=$temporary/$label-cosolicit
  echo "running the $label binary..."
  for name in $workspaces; do
    results=$temporary/results/$label/$name
    mkdir -p "$results"
    rm -rf "$workspace" "$output"
    cp -R "$inputs/$name" "$workspace"
    mkdir -p "$output"
    run "$results" aggregate-table aggregate "$workspace" --format table
    run "$results" aggregate-json aggregate "$workspace" --format json
    run "$results" aggregate-csv aggregate "$workspace" --format csv
    run "$results" aggregate-json-out aggregate "$workspace" --format json --out "$output/joint.json"
    if [[ -e $output/joint.json ]]; then mv "$output/joint.json" "$results/aggregate-json-out.file"; fi
    run "$results" validate validate "$workspace"
    if [[ $validate_json == yes ]]; then run "$results" validate-json validate "$workspace" --format json; fi
    run "$results" build build "$workspace" --out "$output"
    mv "$output" "$results/build-out"
    # Anything a command left in the workspace is an output too.
    if ! diff -r -q "$inputs/$name" "$workspace" >/dev/null; then
      mv "$workspace" "$results/workspace-after"
    fi
  done
done

# --- 4. Compare -----------------------------------------------------------------------------------------
is_text() { [[ ! -s $1 ]] || LC_ALL=C grep -Iq . "$1"; }
differences=0
compared=0
base_results=$temporary/results/base
current_results=$temporary/results/current
while IFS= read -r relative; do
  compared=$((compared + 1))
  left=$base_results/$relative
  right=$current_results/$relative
  if [[ ! -e $left || ! -e $right ]]; then
    differences=$((differences + 1))
    echo "DIFFERS: $relative (only the $([[ -e $left ]] && echo base || echo current) binary wrote it)"
  elif cmp -s "$left" "$right"; then
    echo "same: $relative"
  else
    differences=$((differences + 1))
    echo "DIFFERS: $relative"
    if is_text "$left" && is_text "$right"; then
      diff -u --label "base/$relative" --label "current/$relative" "$left" "$right" | head -n 20 | sed 's/^/    /' || true
    else
      echo "    (binary: $(wc -c <"$left") bytes vs $(wc -c <"$right"); first difference at $(
        cmp "$left" "$right" 2>&1 | head -n 1 | sed 's/.*differ: //'))"
    fi
  fi
done < <({ (cd "$base_results" && find . -type f) ; (cd "$current_results" && find . -type f); } |
  sed 's|^\./||' | LC_ALL=C sort -u)

echo
echo "base ${base_sha:0:12} ($base_ref) vs the work tree at $(git -C "$repo" rev-parse --short=12 HEAD)$(
  [[ -n $(git -C "$repo" --no-optional-locks status --porcelain --untracked-files=no -- Sources Templates Package.swift) ]] && echo ' with changes'):"
if [[ $differences -eq 0 ]]; then
  echo "all $compared outputs are byte-identical"
  exit 0
fi
echo "$differences of $compared outputs differ"
exit 1
