#!/usr/bin/env python3
"""Cosolicit benchmark suite: wall time, throughput and peak memory of validate, aggregate, build and tabulate,
beside DuckDB.

Builds the release binary (or takes `--binary`), writes (and caches) sample workspaces with `cosolicit sample`,
then runs each command in a fresh process several times and reports the median wall time and CPU time (user
and system, across threads: on a shared machine it tells waiting for a core from working), lines per second
and the peak resident memory of the process (CPU and memory from the kernel's rusage of the child). Prints a
Markdown table, then the measures the performance targets name, each with its target and whether it is met:

- aggregate (full validation) of medium (2,000 × 200 CSV): table output ≤ 0.25 × DuckDB's time over the same
  files, JSON written to a file ≤ 0.5 ×; peak memory ≤ 3 × the workspace's size on disk at medium and large;
  large (4M lines) ≤ 11 × the medium (400k) time, when both sizes run in the same invocation;
- build of build20k (20,000 lines) ≤ 0.4 s; validate of one needs file of medium (2,000 files) ≤ 50 ms.

The DuckDB peer, run for CSV needs files only, is a fresh Python process per repetition (so its time includes
the interpreter, loading DuckDB and reading the files, like the tool's process start). It reads every
`needs/*.csv`, with their columns and types given as `cosolicit sample` writes them (sniffing each file would
take DuckDB 2–3 times as long), and `catalog.csv`; joins the catalog on the item id; converts each line's
quantity to the item's base unit in exact decimals (the same unit: 1; a package code: the catalog's `packs`
factor; another unit of count, mass, volume, area or time: the ratio of the two units' factors); sums the
quantities per item and commitment (write-ins per classification, description letters and digits, and
dimension, in the dimension's base unit); and writes the result to a CSV file. DuckDB uses its default thread
count (all cores; the count is printed at the end). It needs `python3 -m pip install duckdb`; without it the
peer and the ratios to it are skipped.

On build20k the script also times `tabulate`. It copies the workspace, builds its package once (`build`, into
the copy's `dist/<id>/`), and writes `--bids` bids (default 5) by filling the published `public/joint/bid-form.xml`
as a supplier would (a price on every line, seeded per bidder; bidder block signed and certified; subtotals and
total left at 0, which the unit prices govern: warnings, not errors) with `bids/received.yaml` logging each the day
before responses are due. It times `tabulate` (the terminal table) and `tabulate --out DIR` (also the award
package), and a second DuckDB peer in a fresh Python process: read every bid with `xml.etree`, write its (bid,
lot, line, quantity, unit price) rows to a CSV file, load them into DuckDB with their types, total each bid per
lot (unit price × quantity, rounded to cents per line), mark each lot's lowest and write the result to a CSV
file. The peer checks nothing (schema, quantities, receipt, signatures), which `tabulate` does. In the table
these rows count the workspace's lines (what the award package's schedules share out) and take the workspace and
its bids as their input.

    python3 Benchmarks/run.py                      # small, medium and build20k; CSV needs; 3 runs each
    python3 Benchmarks/run.py --sizes large --repeat 1
    python3 Benchmarks/run.py --sizes small,medium,build20k,large --large-repeat 1   # with the linearity ratio
    python3 Benchmarks/run.py --formats mixed      # 70% CSV, 20% YAML, 10% JSON needs files (no DuckDB peer)
    python3 Benchmarks/run.py --binary /path/to/cosolicit   # benchmark a given binary; builds nothing
    python3 Benchmarks/run.py --sizes build20k --bids 20   # tabulate 20 bids
"""
import argparse
import datetime
import importlib.metadata
import importlib.util
import json
import os
import platform
import random
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
DUCKDB = "duckdb (peer)"
TABULATE_SIZES = ("build20k",)  # the sizes whose bids `tabulate` is timed on
DUCKDB_BIDS = "duckdb bids (peer)"

# The performance targets. Time ratios are to DuckDB's time in the same run, on medium; memory is the peak of
# aggregate over the workspace's size on disk; linearity is large's aggregate time over medium's.
RATIO_TARGETS = {"aggregate table": 0.25, "aggregate json to file": 0.5}
MEMORY_TARGET = (("medium", "large"), 3.0)
LINEARITY_TARGET = 11.0
ABSOLUTE_TARGETS = [("build20k", "build", 0.4), ("medium", "validate one needs file", 0.05)]  # seconds

# The DuckDB peer, run as `python3 PEER WORKSPACE OUTPUT`; prints DuckDB's thread count and the rows written.
PEER = r'''
import json, sys
import duckdb

workspace, output = sys.argv[1], sys.argv[2]
quote = lambda text: "'" + text.replace("'", "''") + "'"
connection = duckdb.connect()
# Unit names as needs files write them, and each unit code's dimension and factor to the dimension's base.
connection.execute("""
CREATE TEMP TABLE aliases(alias VARCHAR, code VARCHAR);
INSERT INTO aliases VALUES
  ('each','EA'),('ea','EA'),('dozen','DZN'),('dozens','DZN'),('case','XCS'),('cases','XCS'),('box','XBX'),
  ('boxes','XBX'),('pack','XPK'),('packs','XPK'),('roll','XRO'),('rolls','XRO'),('bag','XBG'),('bags','XBG'),
  ('pallet','XPX'),('pallets','XPX'),('lb','LBR'),('lbs','LBR'),('pound','LBR'),('pounds','LBR'),
  ('kg','KGM'),('kilogram','KGM'),('kilograms','KGM'),('ton','STN'),('tons','STN'),('short ton','STN'),
  ('short tons','STN'),('metric ton','TNE'),('metric tons','TNE'),('tonne','TNE'),('tonnes','TNE'),
  ('gallon','GLL'),('gallons','GLL'),('liter','LTR'),('liters','LTR'),('litre','LTR'),('litres','LTR'),
  ('acre','ACR'),('acres','ACR'),('minute','MIN'),('minutes','MIN'),('hour','HUR'),('hours','HUR'),
  ('day','DAY'),('days','DAY'),('month','MON'),('months','MON'),('year','ANN'),('years','ANN');
CREATE TEMP TABLE units(code VARCHAR, dimension VARCHAR, factor DECIMAL(18, 9));
INSERT INTO units VALUES
  ('EA','count',1),('DZN','count',12),('KGM','mass',1),('LBR','mass',0.45359237),('STN','mass',907.18474),
  ('TNE','mass',1000),('LTR','volume',1),('GLL','volume',3.785411784),('MTK','area',1),
  ('ACR','area',4046.8564224),('MIN','time',1),('HUR','time',60),('DAY','time',1440),('MON','months',1),
  ('ANN','months',12);
""")
connection.execute(f"""
COPY (
  WITH catalog AS (
    SELECT item, unit AS base, packs
    FROM read_csv({quote(workspace + '/catalog.csv')}, header = true, all_varchar = true)
  ), packs AS (
    SELECT item, split_part(pack, '=', 1) AS code, CAST(split_part(pack, '=', 2) AS DECIMAL(18, 9)) AS factor
    FROM (SELECT item, unnest(string_split(packs, ';')) AS pack FROM catalog WHERE coalesce(packs, '') <> '')
  ), needs AS (
    SELECT n.item, n.classification,
           lower(regexp_replace(n.description, '[^[:alnum:]]', '', 'g')) AS description,
           n.quantity,
           coalesce(a.code, upper(trim(n.unit))) AS unit,
           coalesce(n.commitment, 'binding') AS commitment
    FROM read_csv({quote(workspace + '/needs/*.csv')}, header = true, auto_detect = false, columns = {{
           'agency_id': 'VARCHAR', 'agency_name': 'VARCHAR', 'agency_type': 'VARCHAR', 'item': 'VARCHAR',
           'description': 'VARCHAR', 'classification': 'VARCHAR', 'quantity': 'DECIMAL(18, 6)',
           'unit': 'VARCHAR', 'commitment': 'VARCHAR', 'deliver_to': 'VARCHAR', 'need_by': 'VARCHAR'}}) AS n
    LEFT JOIN aliases AS a ON a.alias = lower(trim(n.unit))
  )
  SELECT n.item,
         CASE WHEN n.item IS NULL THEN n.classification END AS classification,
         CASE WHEN n.item IS NULL THEN n.description END AS description,
         CASE WHEN n.item IS NULL THEN u.dimension END AS dimension,
         n.commitment,
         sum(n.quantity * CASE
               WHEN n.item IS NULL THEN u.factor
               WHEN n.unit = c.base THEN 1
               WHEN p.factor IS NOT NULL THEN p.factor
               ELSE CAST(round(u.factor / b.factor, 9) AS DECIMAL(18, 9)) END) AS quantity,
         count(*) AS shares
  FROM needs AS n
  LEFT JOIN catalog AS c ON c.item = n.item
  LEFT JOIN packs AS p ON p.item = n.item AND p.code = n.unit
  LEFT JOIN units AS u ON u.code = n.unit
  LEFT JOIN units AS b ON b.code = c.base AND b.dimension = u.dimension
  GROUP BY ALL ORDER BY ALL
) TO {quote(output)} (FORMAT csv, HEADER)
""")
threads = connection.execute("SELECT current_setting('threads')").fetchone()[0]
print(json.dumps({"threads": threads, "version": duckdb.__version__}))
'''

# The DuckDB peer of tabulate, run as `python3 PEER_BIDS WORKSPACE OUTPUT`; prints DuckDB's thread count and rows.
PEER_BIDS = r'''
import csv, glob, json, os, sys
import xml.etree.ElementTree as ElementTree
import duckdb

workspace, output = sys.argv[1], sys.argv[2]
bid = "{urn:cosolicit:bid:1}"
quote = lambda text: "'" + text.replace("'", "''") + "'"
prices = output + ".prices.csv"
with open(prices, "w", newline="") as file:
    writer = csv.writer(file)
    for path in sorted(glob.glob(os.path.join(workspace, "bids", "*.xml"))):
        name = os.path.basename(path)[:-4]
        for lot in ElementTree.parse(path).getroot().iter(bid + "lot"):
            for line in lot.iter(bid + "line"):
                price = line.findtext(bid + "unitPrice")
                if price:
                    quantity = "0" if line.find(bid + "asNeeded") is not None else line.findtext(bid + "quantity")
                    writer.writerow((name, lot.get("id"), line.get("number"), quantity, price))
connection = duckdb.connect()
connection.execute(f"""
COPY (
  WITH prices AS (
    SELECT * FROM read_csv({quote(prices)}, header = false, auto_detect = false, columns = {{
      'bid': 'VARCHAR', 'lot': 'VARCHAR', 'line': 'INTEGER', 'quantity': 'DECIMAL(38, 6)',
      'unit_price': 'DECIMAL(18, 6)'}})
  ), totals AS (
    SELECT lot, bid, sum(round(quantity * unit_price, 2)) AS total, count(*) AS lines
    FROM prices GROUP BY lot, bid
  )
  SELECT lot, bid, total, lines, total = min(total) OVER (PARTITION BY lot) AS lowest
  FROM totals ORDER BY lot, total, bid
) TO {quote(output)} (FORMAT csv, HEADER)
""")
os.remove(prices)
threads = connection.execute("SELECT current_setting('threads')").fetchone()[0]
print(json.dumps({"threads": threads, "version": duckdb.__version__}))
'''


def run_once(arguments, binary):
    """Runs `binary arguments` (or the command line `arguments` when binary is None) once; returns (seconds,
    CPU seconds (user and system), peak resident kilobytes, standard output). The tool's standard output is
    discarded."""
    command = arguments if binary is None else [binary] + arguments
    with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL if binary else output, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            message = errors.read()[-2000:].decode(errors="replace")
            sys.exit(f"benchmark command failed: {' '.join(command)}\n{message}")
        output.seek(0)
        return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, output.read().decode()


def measure(label, lines, input_mb, name, arguments, binary, repeat, whole=True):
    """Runs the command `repeat` times and prints its table row; returns (median seconds, peak MB, the last run's
    standard output). Lines per second and memory per input describe whole-workspace commands only."""
    runs = [run_once(arguments, binary) for _ in range(repeat)]
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    peak = max(r[2] for r in runs) / 1024
    rate = f"{lines / wall:,.0f}" if whole else ""
    ratio = f"{peak / input_mb:.1f}×" if whole else ""
    print(f"| {label} | {lines:,} | {input_mb:.2f} MB | {name} | {wall:.2f} | {cpu:.2f} | {rate} | {peak:.0f} "
          f"| {ratio} |", flush=True)
    return wall, peak, runs[-1][3]


def workspace(binary, size, formats):
    participants, lines = SIZES[size]
    path = os.path.join(CACHE, f"{formats}-{participants}x{lines}")
    if not os.path.isdir(path):
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run([binary, "sample", path, "--participants", str(participants), "--lines", str(lines),
                        "--formats", formats], check=True, stdout=subprocess.DEVNULL)
    return path, participants * lines


def bid_workspace(binary, path, scratch, count):
    """A copy of the workspace at `path` in `scratch` with its package built and `count` bids received; returns
    (the copy's path, the lines the bids price, all together)."""
    copy = os.path.join(scratch, os.path.basename(path) + "-bids")
    shutil.copytree(path, copy)
    subprocess.run([binary, "build", copy], check=True, stdout=subprocess.DEVNULL)
    (identifier,) = os.listdir(os.path.join(copy, "dist"))
    with open(os.path.join(copy, "dist", identifier, "public", "joint", "bid-form.xml")) as file:
        form = file.read()
    if "<zone " in form or "<option " in form or "<price" in form:
        sys.exit("the bid form has price zones or options, which the tabulate benchmark does not fill")
    due = datetime.date.fromisoformat(form.split("<responsesDue>", 1)[1][:10])
    bids = os.path.join(copy, "bids")
    os.makedirs(bids)
    priced = 0
    with open(os.path.join(bids, "received.yaml"), "w") as log:
        for number in range(1, count + 1):
            name = f"supplier-{number:02d}.xml"
            text, lines = filled_bid(form, number)
            with open(os.path.join(bids, name), "w") as file:
                file.write(text)
            priced += lines
            log.write(f"{name}: {due - datetime.timedelta(days=1)}T{9 + number // 60:02d}:{number % 60:02d}\n")
    return copy, priced


def filled_bid(form, number):
    """The blank bid form `form` filled in by bidder `number`: a unit price on every line (seeded by the number),
    a brand and model, the bidder block signed and certified, the subtotals and total 0 (the unit prices govern);
    returns (the bid's XML, the lines priced)."""
    prices = random.Random(number)
    supplier = f"Benchmark Supplier {number}"
    bidder = {"name": supplier, "address": "1 Main Street", "contact": "Sam Doe", "email": "bids@example.com",
              "phone": "555-0100", "signer": "Pat Lee", "signerTitle": "Owner", "date": "2027-03-01",
              "nonCollusion": "true"}
    output = []
    priced = 0
    for text in form.split("\n"):
        trimmed = text.strip()
        indent = text[:len(text) - len(text.lstrip(" "))]
        if trimmed.startswith("<bidForm "):
            text = text.replace("<bidForm ", "<bid ", 1)
        elif trimmed == "</bidForm>":
            text = text.replace("</bidForm>", "</bid>")
        elif trimmed == "<unitPrice></unitPrice>":
            cents = prices.randint(100, 99_999)
            text = f"{indent}<unitPrice>{cents // 100}.{cents % 100:02d}</unitPrice>"
            priced += 1
        elif trimmed == "<extendedPrice></extendedPrice>":
            continue
        elif trimmed == "<brandModel></brandModel>":
            text = f"{indent}<brandModel>{supplier} model {priced}</brandModel>"
        elif trimmed in ("<subtotal></subtotal>", "<total></total>"):
            text = text.replace("></", ">0</")
        elif trimmed.startswith("<") and (field := trimmed[1:].split(">", 1)[0]) in bidder \
                and trimmed == f"<{field}></{field}>":
            text = f"{indent}<{field}>{bidder[field]}</{field}>"
        output.append(text)
    return "\n".join(output), priced


def folder_bytes(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)


def duckdb_version():
    """DuckDB's version if the Python package is installed (without importing it), else None."""
    if importlib.util.find_spec("duckdb") is None:
        return None
    try:
        return importlib.metadata.version("duckdb")
    except importlib.metadata.PackageNotFoundError:
        return "unknown version"


def verdict(value, limit):
    return "met" if value <= limit else "missed"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="small,medium,build20k",
                        help="comma-separated: small (10 × 50), medium (2,000 × 200), large (20,000 × 200), "
                             "build20k (100 × 200)")
    parser.add_argument("--formats", default="csv", choices=["csv", "mixed", "yaml", "json"],
                        help="the needs files' formats (default csv, the layout the targets name and the only "
                             "one the DuckDB peer reads)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--large-repeat", type=int, help="runs of the large size (default: --repeat)")
    parser.add_argument("--large-build", action="store_true",
                        help="also run build on large (an RFP listing 4 million shares; skipped by default)")
    parser.add_argument("--binary", help="benchmark this cosolicit binary instead of building the work tree")
    parser.add_argument("--bids", type=int, default=5, help="the bids tabulate reads on build20k (default 5)")
    parser.add_argument("--no-duckdb", action="store_true", help="skip the DuckDB peers")
    options = parser.parse_args()
    sizes = options.sizes.split(",")
    if unknown := [size for size in sizes if size not in SIZES]:
        parser.error(f"unknown size {', '.join(unknown)}; choose from {', '.join(SIZES)}")

    if options.binary:
        binary = os.path.abspath(options.binary)
        if not os.access(binary, os.X_OK):
            sys.exit(f"not an executable: {binary}")
        built = f"binary {binary}"
    else:
        binary = BINARY
        subprocess.run(["swift", "build", "-c", "release", "--scratch-path", SCRATCH, "--product", "cosolicit"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        built = "release build"

    peer_note = None
    version = None if options.no_duckdb else duckdb_version()
    if options.no_duckdb:
        peer_note = "DuckDB peers skipped (--no-duckdb)."
    elif version is None:
        peer_note = ("DuckDB peers skipped: the duckdb Python package is not installed "
                     f"(install it with `{os.path.basename(sys.executable)} -m pip install duckdb`).")
    elif options.formats != "csv":
        peer_note = (f"DuckDB peer of aggregate skipped: it reads CSV needs files only (--formats csv), not "
                     f"{options.formats}.")
    scratch = tempfile.mkdtemp(prefix="cosolicit-bench-")
    peer = os.path.join(scratch, "duckdb_peer.py")
    with open(peer, "w") as file:
        file.write(PEER)
    peer_bids = os.path.join(scratch, "duckdb_bids_peer.py")
    with open(peer_bids, "w") as file:
        file.write(PEER_BIDS)

    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; load average {load} "
          f"at the start; {built}; median of {options.repeat} runs"
          + (f" ({options.large_repeat} for large)" if options.large_repeat and "large" in sizes else "")
          + f"; process start included; {options.formats} needs files.")
    if version is not None:
        print(f"DuckDB {version} in Python {platform.python_version()}: a fresh process per run, default threads "
              "(the count is printed at the end).")
    print((peer_note + "\n") if peer_note else "")
    print("| workspace | lines | input | command | wall (s) | cpu (s) | lines/s | peak memory (MB) | memory / input |")
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|")

    results = {}  # (size, command) → (median seconds, peak MB, input MB)
    threads = None
    try:
        for size in sizes:
            path, lines = workspace(binary, size, options.formats)
            input_mb = folder_bytes(path) / 1e6
            repeat = options.large_repeat if size == "large" and options.large_repeat else options.repeat
            output = os.path.join(scratch, "out")
            os.makedirs(output, exist_ok=True)
            needs = os.path.join(path, "needs")
            one_file = os.path.join(needs, sorted(os.listdir(needs))[0])
            commands = {
                "validate one needs file": ["validate", one_file],
                "validate": ["validate", path],
                "aggregate table": ["aggregate", path, "--format", "table"],
                "aggregate json to file": ["aggregate", path, "--format", "json", "--out",
                                           os.path.join(output, "joint.json")],
                "build": ["build", path, "--out", output],
            }
            if size == "large" and not options.large_build:
                del commands["build"]
            if version is not None and options.formats == "csv":
                commands[DUCKDB] = [sys.executable, peer, path, os.path.join(output, "duckdb.csv")]
            label = f"{size} ({SIZES[size][0]} × {SIZES[size][1]})"
            for name, arguments in commands.items():
                wall, peak, printed = measure(label, lines, input_mb, name, arguments,
                                              None if name == DUCKDB else binary, repeat,
                                              whole=name != "validate one needs file")
                if name == DUCKDB:
                    threads = json.loads(printed)["threads"]
                results[size, name] = (wall, peak, input_mb)
            if size in TABULATE_SIZES:
                bids_path, priced = bid_workspace(binary, path, scratch, options.bids)
                read_mb = input_mb + folder_bytes(os.path.join(bids_path, "bids")) / 1e6
                bids_label = f"{label} + {options.bids} bids × {priced // options.bids} lines"
                commands = {
                    "tabulate": ["tabulate", bids_path],
                    "tabulate award package": ["tabulate", bids_path, "--out", os.path.join(output, "awards")],
                }
                if version is not None:
                    commands[DUCKDB_BIDS] = [sys.executable, peer_bids, bids_path, os.path.join(output, "bids.csv")]
                for name, arguments in commands.items():
                    wall, peak, printed = measure(bids_label, lines, read_mb, name, arguments,
                                                  None if name == DUCKDB_BIDS else binary, repeat)
                    if name == DUCKDB_BIDS:
                        threads = json.loads(printed)["threads"]
                    results[size, name] = (wall, peak, read_mb)
                shutil.rmtree(bids_path)
            shutil.rmtree(output)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print_targets(sizes, results, threads)


def print_targets(sizes, results, threads):
    """The ratios to DuckDB, memory to input and linearity per size, and the absolute targets."""
    print("\n| workspace | measure | measured | target | |")
    print("|---|---|---:|---:|---|")

    def row(size, measure, measured, value=None, limit=None, unit="×"):
        target = f"≤ {limit:g}{unit}" if limit is not None else ""
        status = verdict(value, limit) if limit is not None else ""
        print(f"| {size} | {measure} | {measured} | {target} | {status} |")

    for size in sizes:
        peer = results.get((size, DUCKDB))
        for name, limit in RATIO_TARGETS.items():
            if peer and (size, name) in results:
                ratio = results[size, name][0] / peer[0]
                row(size, f"{name} / DuckDB", f"{results[size, name][0]:.2f} s / {peer[0]:.2f} s = {ratio:.2f}×",
                    ratio, limit if size == "medium" else None)
        _, peak, input_mb = max((results[size, n] for n in RATIO_TARGETS), key=lambda r: r[1])
        ratio = peak / input_mb
        row(size, "aggregate peak memory / workspace size", f"{peak:,.0f} MB / {input_mb:.2f} MB = {ratio:.1f}×",
            ratio, MEMORY_TARGET[1] if size in MEMORY_TARGET[0] else None)
        if (size, DUCKDB_BIDS) in results:
            peer = results[size, DUCKDB_BIDS]
            for name in ("tabulate", "tabulate award package"):
                row(size, f"{name} / DuckDB bids",
                    f"{results[size, name][0]:.2f} s / {peer[0]:.2f} s = {results[size, name][0] / peer[0]:.2f}×")
    if "medium" in sizes and "large" in sizes:
        for name in RATIO_TARGETS:
            ratio = results["large", name][0] / results["medium", name][0]
            row("large / medium", f"{name} time (10× the lines)",
                f"{results['large', name][0]:.2f} s / {results['medium', name][0]:.2f} s = {ratio:.1f}×",
                ratio, LINEARITY_TARGET)
    for size, name, limit in ABSOLUTE_TARGETS:
        if (size, name) in results:
            wall = results[size, name][0]
            row(size, name, f"{wall:.3f} s", wall, limit, " s")
    if threads is not None:
        print(f"\nDuckDB ran with threads = {threads} (its default: all cores).")


if __name__ == "__main__":
    main()
