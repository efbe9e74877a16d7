#!/usr/bin/env bash
# Writes libreoffice-needs.xlsx: xlsxwriter-needs.xlsx (1904 dates, built-in date format 14, a formula with its
# result, a rich-text cell) opened and saved again by LibreOffice Calc, which rewrites the built-in date format
# as a custom code and recalculates the formula. Needs `soffice` (Debian: libreoffice-calc-nogui).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/out"
cp "$here/xlsxwriter-needs.xlsx" "$scratch/libreoffice-needs.xlsx"
HOME="$scratch/home" soffice --headless --calc --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$scratch/out" \
  "$scratch/libreoffice-needs.xlsx" > /dev/null
cp "$scratch/out/libreoffice-needs.xlsx" "$here/libreoffice-needs.xlsx"
