#!/usr/bin/env python3
"""Reading needs from an Excel workbook against the same needs as CSV.

Writes a sample workspace whose one needs file has N lines (`cosolicit sample --formats csv`), copies it with the
needs file saved as a workbook by openpyxl (numbers as numbers, dates as date cells), and times `validate` and
`aggregate --format json` on both, best of R runs; checks that both aggregate to the same lines and totals.

    python3 Benchmarks/workbook.py [--binary PATH] [--lines 20000] [--repeat 3]

Without --binary it uses the release build `python3 Benchmarks/run.py` makes (.build-release).
"""
import argparse
import csv
import datetime
import glob
import os
import re
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def best(command, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times), result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-release", "release", "cosolicit"))
    parser.add_argument("--lines", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    import openpyxl

    folder = tempfile.mkdtemp(prefix="cosolicit-workbook-")
    try:
        as_csv = os.path.join(folder, "csv")
        subprocess.run([arguments.binary, "sample", as_csv, "--participants", "1", "--lines", str(arguments.lines),
                        "--formats", "csv"], check=True, capture_output=True)
        as_xlsx = os.path.join(folder, "xlsx")
        shutil.copytree(as_csv, as_xlsx)
        [needs] = glob.glob(os.path.join(as_xlsx, "needs", "*.csv"))
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("needs")
        with open(needs, newline="", encoding="utf-8") as file:
            rows = list(csv.reader(file))
        header = rows[0]
        sheet.append(header)
        for row in rows[1:]:
            cells = []
            for name, value in zip(header, row):
                if name == "quantity" and re.fullmatch(r"\d+", value):
                    cells.append(int(value))
                elif name == "need_by" and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
                    cells.append(datetime.date.fromisoformat(value))
                else:
                    cells.append(value or None)
            sheet.append(cells)
        book.save(needs[:-4] + ".xlsx")
        os.remove(needs)
        print(f"{arguments.lines} needs lines in one file; best of {arguments.repeat}; binary {arguments.binary}")
        outputs = {}
        for name, workspace in (("csv", as_csv), ("xlsx", as_xlsx)):
            size = sum(os.path.getsize(path) for path in glob.glob(os.path.join(workspace, "needs", "*")))
            validate, _ = best([arguments.binary, "validate", workspace], arguments.repeat)
            aggregate, result = best([arguments.binary, "aggregate", workspace, "--format", "json"], arguments.repeat)
            outputs[name] = re.sub(rb'"(source|file)": "[^"]*"|"sources": \[[^\]]*\]', b"", result.stdout)
            print(f"  {name:4}  {size / 1e6:6.2f} MB  validate {validate:6.3f} s  aggregate --format json {aggregate:6.3f} s")
        print("  same lines, shares and totals:", outputs["csv"] == outputs["xlsx"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
