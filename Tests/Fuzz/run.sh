#!/usr/bin/env bash
# Builds the fuzz package (Tests/Fuzz) and runs each fuzzer with libFuzzer for SECONDS_PER_TARGET seconds.
#
#   bash Tests/Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET…]      (default: 60 seconds, every target)
#
# Each target starts from its committed seeds (Corpus/<target>) plus what earlier runs found, kept in the
# git-ignored working corpus Tests/Fuzz/.work/corpus/<target>; crashes, timeouts and out-of-memory inputs go
# to Tests/Fuzz/.work/artifacts/<target>/, logs to Tests/Fuzz/.work/logs/. Exits 1 when any target finds a
# problem (or fails to start), 2 on usage errors. Reproduce a finding with `.build/release/<target> FILE`,
# minimize it with `.build/release/<target> -minimize_crash=1 -runs=10000 FILE`.
#
# Environment: FUZZ_RSS_LIMIT_MB (2048), FUZZ_TIMEOUT (10 seconds per input), FUZZ_MAX_LEN (65536 bytes:
# huge inputs are tested elsewhere), FUZZ_NICE (10), FUZZ_WORK (Tests/Fuzz/.work), FUZZ_ARGS (more
# libFuzzer flags, such as -runs=1000000 or -jobs=2).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
all=(FuzzSolicitation FuzzCatalogCSV FuzzCatalogYAML FuzzNeedsCSV FuzzNeedsYAML FuzzNeedsJSON FuzzBid FuzzNeedsXLSX FuzzMarkdown)

seconds="${1:-60}"
[ $# -gt 0 ] && shift
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: $0 [SECONDS_PER_TARGET] [TARGET…]; targets: ${all[*]}" >&2
  exit 2
fi
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
for target in "${targets[@]}"; do
  if [[ " ${all[*]} " != *" $target "* ]]; then
    echo "unknown target '$target'; targets: ${all[*]}" >&2
    exit 2
  fi
done

dictionary() {
  case "$1" in
    FuzzSolicitation | FuzzCatalogYAML | FuzzNeedsYAML) echo yaml ;;
    FuzzCatalogCSV | FuzzNeedsCSV) echo csv ;;
    FuzzNeedsJSON) echo json ;;
    FuzzBid) echo xml ;;
    FuzzNeedsXLSX) echo xlsx ;;
    FuzzMarkdown) echo markdown ;;
  esac
}

work="${FUZZ_WORK:-$here/.work}"
scratch="$here/.build"
mkdir -p "$work/logs"

echo "== building the fuzzers (release, libFuzzer + AddressSanitizer, scratch path $scratch)"
build_start=$SECONDS
for target in "${targets[@]}"; do
  if ! swift build -c release --package-path "$here" --scratch-path "$scratch" --toolset "$here/toolset.json" \
    --product "$target" > "$work/logs/build-$target.log" 2>&1; then
    grep -v "warning: Cannot export local symbol" "$work/logs/build-$target.log" | tail -40 >&2
    echo "error: building $target failed (log $work/logs/build-$target.log)" >&2
    exit 1
  fi
done
echo "built in $((SECONDS - build_start)) s"

# The fuzzers copy a small workspace into this folder (memory-backed when /dev/shm exists), one subfolder
# per process; removed at the end even when a fuzzer crashed.
if [ -d /dev/shm ]; then shm=/dev/shm; else shm="${TMPDIR:-/tmp}"; fi
export COSOLICIT_FUZZ_TMP
COSOLICIT_FUZZ_TMP="$(mktemp -d "$shm/cosolicit-fuzz-run.XXXXXX")"
trap 'rm -rf "$COSOLICIT_FUZZ_TMP"' EXIT

# Swift's own crash backtracer trips AddressSanitizer; libFuzzer reports the crash instead. Leak detection is
# off: Swift's runtime caches look like leaks to LeakSanitizer, and checking for them made runs ~10x slower.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=0}"

failed=0
rows=()
read -r -a extra <<< "${FUZZ_ARGS:-}"
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  artifacts="$work/artifacts/$target"
  log="$work/logs/$target.log"
  mkdir -p "$corpus" "$artifacts"
  marker="$work/logs/.$target.started"
  touch "$marker"
  echo "== $target: ${seconds}s (log $log)"
  status=0
  # New inputs go to the working corpus (the first folder); the committed seeds are only read.
  nice -n "${FUZZ_NICE:-10}" "$scratch/release/$target" \
    -max_total_time="$seconds" -rss_limit_mb="${FUZZ_RSS_LIMIT_MB:-2048}" -timeout="${FUZZ_TIMEOUT:-10}" \
    -max_len="${FUZZ_MAX_LEN:-65536}" -dict="$here/Dictionaries/$(dictionary "$target").dict" \
    -artifact_prefix="$artifacts/" -print_final_stats=1 -detect_leaks=0 ${extra[@]+"${extra[@]}"} \
    "$corpus" "$here/Corpus/$target" > "$log" 2>&1 || status=$?
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  done_line="$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)"
  if [ -n "$done_line" ]; then
    runs="$(echo "$done_line" | awk '{print $2}')"
    took="$(echo "$done_line" | awk '{print $5}')"
  else
    took="-"
  fi
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')"
  files="$(find "$corpus" -type f | wc -l)"
  bytes="$(du -sk --apparent-size "$corpus" | awk '{print $1}')"
  found="$(find "$artifacts" -type f -newer "$marker")"
  if [ "$status" -ne 0 ] || [ -n "$found" ]; then
    failed=1
    result="FAILED (exit $status)"
    grep -E -m 4 "^==[0-9]+==ERROR|Fatal error|fatal error|ERROR: libFuzzer|deadly signal|fuzz setup" "$log" \
      | sed 's/^/   /' || true
    [ -z "$found" ] || echo "$found" | sed 's/^/   artifact: /'
  else
    result="ok"
  fi
  rows+=("$(printf '%-17s %-18s %12s %8s %9s %7s %14s' "$target" "$result" "${runs:--}" "$took" "${rate:--}" \
    "${cov:--}" "$files/${bytes}K")")
done

echo
echo "== summary (${seconds}s per target; artifacts in $work/artifacts)"
printf '%-17s %-18s %12s %8s %9s %7s %14s\n' target result executions seconds exec/s cov corpus
for row in "${rows[@]}"; do echo "$row"; done
exit "$failed"
