#!/usr/bin/env python3
"""Writes a YAML needs file as an Excel workbook, the way a participant working in Excel would send it.

    python3 needs_to_workbook.py NEEDS.yaml OUT.xlsx --form FORM.xlsx   # fill in a `cosolicit forms` workbook
    python3 needs_to_workbook.py NEEDS.yaml OUT.xlsx                    # the participant's own plain sheet

With --form, each line goes on its catalog item's row of the needs request form (a second line of the same item,
and each write-in, on one of the form's rows for write-ins), units chosen from the form's lists as codes, dates
as date cells. Without it, xlsxwriter writes one sheet named "needs" with the needs columns and a row per line.
This is how the cascade-valley example's workbooks were made (see Examples/cascade-valley/README.md).
"""
import argparse
import datetime

import yaml

# The unit a participant picks from the form's list for each unit name the YAML files use.
UNIT_CODES = {
    "each": "EA", "case": "XCS", "box": "XBX", "bag": "XBG", "acre": "ACR", "month": "MON", "hour": "HUR",
    "cubic yard": "YDQ", "cubic foot": "FTQ", "GLL": "GLL", "gallon": "GLL",
}
AGENCY_COLUMNS = {
    "agency_id": ("id",), "agency_name": ("name",), "agency_type": ("type",), "agency_state": ("state",),
    "contact_name": ("contact", "name"), "contact_email": ("contact", "email"),
    "contact_phone": ("contact", "phone"), "signer_name": ("signer", "name"), "signer_title": ("signer", "title"),
}
LINE_COLUMNS = ["item", "description", "classification", "quantity", "unit", "commitment", "deliver_to", "need_by",
                "spec", "notes"]


def rows_of(needs):
    """Each line as the cells of a needs row, the file's defaults applied."""
    agency = needs["agency"]
    for line in needs["items"]:
        quantity = line["quantity"]
        row = {
            "item": line.get("item"), "description": None if line.get("item") else line.get("description"),
            "classification": None if line.get("item") else line.get("classification"),
            "quantity": int(quantity) if float(quantity).is_integer() else float(quantity),
            "unit": UNIT_CODES.get(str(line["unit"]), str(line["unit"])),
            "commitment": line.get("commitment", needs.get("commitment", "binding")),
            "deliver_to": line.get("deliver_to", needs.get("deliver_to")),
            "need_by": line.get("need_by"), "spec": line.get("spec"), "notes": line.get("notes"),
            "submitted": needs.get("submitted"),
        }
        for column, keys in AGENCY_COLUMNS.items():
            value = agency
            for key in keys:
                value = value.get(key) if isinstance(value, dict) else None
            row[column] = value
        yield row


def fill_form(needs, form, out):
    import openpyxl

    book = openpyxl.load_workbook(form)
    sheet = book["needs"]
    columns = {cell.value: cell.column for cell in sheet[1]}
    used = set()
    for row in rows_of(needs):
        wanted = row["item"] or None
        target = next(
            (number for number in range(2, sheet.max_row + 1)
             if number not in used and (sheet.cell(number, columns["item"]).value or None) == wanted),
            None) or next(
            number for number in range(2, sheet.max_row + 1)
            if number not in used and not sheet.cell(number, columns["item"]).value)
        used.add(target)
        for column, value in row.items():
            if value is None or column in AGENCY_COLUMNS:
                continue  # the form has the agency already
            cell = sheet.cell(target, columns[column])
            cell.value = value
            if isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
    fixed = datetime.datetime(2027, 1, 13, 9, 0)
    book.properties.created = book.properties.modified = fixed
    book.save(out)


def write_plain(needs, out):
    import xlsxwriter

    header = list(AGENCY_COLUMNS) + LINE_COLUMNS + ["submitted"]
    book = xlsxwriter.Workbook(out)
    book.set_properties({"created": datetime.datetime(2027, 1, 8, 9, 0)})
    sheet = book.add_worksheet("needs")
    date = book.add_format({"num_format": "m/d/yyyy"})
    bold = book.add_format({"bold": True})
    sheet.write_row(0, 0, header, bold)
    for number, row in enumerate(rows_of(needs), start=1):
        for column, name in enumerate(header):
            value = row.get(name)
            if isinstance(value, datetime.date):
                sheet.write_datetime(number, column, datetime.datetime.combine(value, datetime.time()), date)
            elif value is not None:
                sheet.write(number, column, value)
    book.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("needs")
    parser.add_argument("out")
    parser.add_argument("--form")
    arguments = parser.parse_args()
    with open(arguments.needs, encoding="utf-8") as file:
        needs = yaml.safe_load(file)
    if arguments.form:
        fill_form(needs, arguments.form, arguments.out)
    else:
        write_plain(needs, arguments.out)


if __name__ == "__main__":
    main()
