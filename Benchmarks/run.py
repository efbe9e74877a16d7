#!/usr/bin/env python3
"""Cosolicit benchmark suite: wall time, throughput and peak memory of validate, aggregate and build.

Builds the release binary, writes (and caches) sample workspaces with `cosolicit sample`, then runs each
command in a fresh process several times and reports the median wall time, lines per second and the peak
resident memory of the process (from the kernel's rusage of the child). Prints a Markdown table.

    python3 Benchmarks/run.py                      # small, medium and build20k; CSV needs; 3 runs each
    python3 Benchmarks/run.py --sizes large --repeat 1
    python3 Benchmarks/run.py --formats mixed      # 70% CSV, 20% YAML, 10% JSON needs files
"""
import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, ".build-release")
BINARY = os.path.join(SCRATCH, "release", "cosolicit")
CACHE = os.path.join(ROOT, "Benchmarks", ".workspaces")
SIZES = {"small": (10, 50), "medium": (2_000, 200), "large": (20_000, 200), "build20k": (100, 200)}


def run_once(arguments):
    """Runs the binary once; returns (seconds, peak resident kilobytes)."""
    started = time.perf_counter()
    child = subprocess.Popen([BINARY] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"benchmark command failed: cosolicit {' '.join(arguments)}")
    return elapsed, usage.ru_maxrss


def workspace(size, formats):
    participants, lines = SIZES[size]
    path = os.path.join(CACHE, f"{formats}-{participants}x{lines}")
    if not os.path.isdir(path):
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run([BINARY, "sample", path, "--participants", str(participants), "--lines", str(lines),
                        "--formats", formats], check=True, stdout=subprocess.DEVNULL)
    return path, participants * lines


def folder_bytes(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="small,medium,build20k",
                        help="comma-separated: small (10 × 50), medium (2,000 × 200), large (20,000 × 200), "
                             "build20k (100 × 200)")
    parser.add_argument("--formats", default="csv", choices=["csv", "mixed", "yaml", "json"],
                        help="the needs files' formats (default csv, the layout the targets name)")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--scratch-path", SCRATCH, "--product", "cosolicit"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; "
          f"release build; median of {options.repeat} runs; process start included; "
          f"{options.formats} needs files.\n")
    print("| workspace | lines | input | command | wall (s) | lines/s | peak memory (MB) | memory / input |")
    print("|---|---:|---:|---|---:|---:|---:|---:|")
    for size in options.sizes.split(","):
        path, lines = workspace(size, options.formats)
        input_mb = folder_bytes(path) / 1e6
        with tempfile.TemporaryDirectory() as output:
            needs = os.path.join(path, "needs")
            one_file = os.path.join(needs, sorted(os.listdir(needs))[0])
            commands = {
                "validate one needs file": ["validate", one_file],
                "validate": ["validate", path],
                "aggregate": ["aggregate", path, "--format", "json", "--out", os.path.join(output, "joint.json")],
                "build": ["build", path, "--out", output],
            }
            for name, arguments in commands.items():
                runs = [run_once(arguments) for _ in range(options.repeat)]
                wall = statistics.median(r[0] for r in runs)
                peak = max(r[1] for r in runs) / 1024
                # Lines per second and memory per input describe whole-workspace commands only.
                whole = name != "validate one needs file"
                rate = f"{lines / wall:,.0f}" if whole else ""
                ratio = f"{peak / input_mb:.1f}×" if whole else ""
                print(f"| {size} ({SIZES[size][0]} × {SIZES[size][1]}) | {lines:,} | {input_mb:.2f} MB | {name} "
                      f"| {wall:.2f} | {rate} | {peak:.0f} | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
