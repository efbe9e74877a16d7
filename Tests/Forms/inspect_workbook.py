"""Prints what openpyxl reads from a workbook, as JSON, for the Swift tests to check.

Usage: python3 inspect_workbook.py WORKBOOK.xlsx

For each sheet, in tab order: its name and state (visible or hidden), frozen pane, autofilter range, column
widths, every row's cells (value and openpyxl's data type: 's' text, 'n' number) and the data validations (type,
operator, formula1, cell ranges, error style). Text cells are also given with OOXML's `_xHHHH_` escapes decoded
(`unescaped`), as Excel reads them; openpyxl itself leaves them as written.
"""

import json
import sys

import openpyxl
from openpyxl.utils.escape import unescape


def cell(c):
    value = c.value
    if value is None:
        return None
    entry = {"type": c.data_type}
    if c.data_type == "s":
        entry["value"] = value
        entry["unescaped"] = unescape(value)
    else:
        entry["value"] = str(value)
    entry["quotePrefix"] = bool(c.quotePrefix)
    entry["format"] = c.number_format
    return entry


def main(path):
    workbook = openpyxl.load_workbook(path)
    sheets = []
    for sheet in workbook.worksheets:
        sheets.append({
            "name": sheet.title,
            "state": sheet.sheet_state,
            "freeze": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
            "widths": {key: dim.width for key, dim in sorted(sheet.column_dimensions.items())},
            "rows": [[cell(c) for c in row] for row in sheet.iter_rows()],
            "validations": [
                {
                    "type": v.type,
                    "operator": v.operator,
                    "formula1": v.formula1,
                    "sqref": str(v.sqref),
                    "errorStyle": v.errorStyle,
                }
                for v in sheet.data_validations.dataValidation
            ],
        })
    json.dump({"active": workbook.active.title, "sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
