#!/usr/bin/env python3
"""Writes the workbook fixtures in this folder, as real spreadsheet writers make them.

    python3 Tests/Fixtures/workbooks/make_workbooks.py            # openpyxl 3.1, xlsxwriter 3.3
    bash Tests/Fixtures/workbooks/resave_with_libreoffice.sh      # then libreoffice-needs.xlsx

Each needs workbook holds the needs of `Tests/Fixtures/workspace/needs/school-districts.csv`, written the way
its writer writes them (numbers, dates in several formats and date systems, rich text, formulas with saved
results, sheets before the needs sheet, empty rows and columns), so that a test can check that each validates
and aggregates exactly as that CSV does. `values.xlsx` is written part by part with Python's zipfile: it holds
what neither writer makes (phonetic guides, cells without references, date cells `t="d"`, error cells) with the
text each cell must read as beside it. The files are committed; rerun this script only to change them.
"""
import datetime
import os
import zipfile

import openpyxl
import xlsxwriter
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ["agency_id", "agency_name", "agency_type", "item", "description", "classification", "quantity", "unit",
           "commitment", "deliver_to", "need_by", "notes"]
SITE_1 = "District Office, 10 School St, Example OR 97000"
SITE_2 = "Maintenance Shop, 5 Oak Ave, Example OR 97000"
ROWS = [
    ["example-sd-1", "Example School District 1", "k12", "LAPTOP-14", None, None, 120, "each", "binding", SITE_1,
     datetime.date(2027, 8, 1), "Teacher refresh"],
    ["example-sd-1", "Example School District 1", "k12", "MONITOR-24", None, None, 60, "each", "binding", SITE_1,
     datetime.date(2027, 8, 1), None],
    ["example-sd-2", "Example School District 2", "k12", "TOWEL-MF", None, None, 800, "each", "binding", SITE_2,
     datetime.date(2027, 7, 15), "800 sleeves is 50 cases"],
]


def path(name):
    return os.path.join(HERE, name)


def openpyxl_needs():
    """An instructions sheet first; the needs on `Needs` from B3 (row 1, row 2 and column A empty), an empty
    column between deliver_to and need_by, an empty row between the agencies; dates in three custom formats and
    as text; a rich-text note."""
    book = openpyxl.Workbook()
    book.active.title = "Instructions"
    book.active["A1"] = "Fill in the quantity of each item you need."
    sheet = book.create_sheet("Needs")
    columns = COLUMNS[:10] + [None] + COLUMNS[10:]
    for index, name in enumerate(columns):
        if name:
            sheet.cell(row=3, column=index + 2, value=name)
    formats = ["m/d/yyyy", "[$-409]d-mmm-yy;@", None]
    target = 4
    for number, row in enumerate(ROWS):
        if number == 2:
            target += 1  # an empty row
        values = row[:10] + [None] + row[10:]
        for index, value in enumerate(values):
            cell = sheet.cell(row=target, column=index + 2)
            if isinstance(value, datetime.date):
                if formats[number] is None:
                    cell.value = value.isoformat()  # a date typed as text
                else:
                    cell.value = value
                    cell.number_format = formats[number]
            elif index == 12 and value == "Teacher refresh":
                cell.value = CellRichText([TextBlock(InlineFont(b=True), "Teacher"), " refresh"])
            else:
                cell.value = value
        target += 1
    book.save(path("openpyxl-needs.xlsx"))


def xlsxwriter_needs():
    """The 1904 date system; a `notes` sheet before `needs`; quantities as a formula with its saved result and
    as 17-digit numbers (60.00000000000001, 799.99999999999989); dates with the built-in format 14,
    `[$-409]d-mmm-yy` and `yyyy-mm-dd`; a rich-text site."""
    book = xlsxwriter.Workbook(path("xlsxwriter-needs.xlsx"), {"date_1904": True})
    book.add_worksheet("notes").write("A1", "Needs are on the next sheet.")
    sheet = book.add_worksheet("needs")
    bold = book.add_format({"bold": True})
    dates = [book.add_format({"num_format": 14}), book.add_format({"num_format": "[$-409]d-mmm-yy;@"}),
             book.add_format({"num_format": "yyyy-mm-dd"})]
    sheet.write_row(0, 0, COLUMNS)
    for number, row in enumerate(ROWS):
        for index, value in enumerate(row):
            if value is None:
                continue
            if index == 6:
                if number == 0:
                    sheet.write_formula(number + 1, index, "=100+20", None, 120)
                else:
                    sheet.write_number(number + 1, index, [0, 60.00000000000001, 799.99999999999989][number])
            elif index == 10:
                sheet.write_datetime(number + 1, index, datetime.datetime.combine(value, datetime.time()),
                                     dates[number])
            elif index == 9 and number == 2:
                sheet.write_rich_string(number + 1, index, bold, "Maintenance Shop", ", 5 Oak Ave, Example OR 97000")
            else:
                sheet.write(number + 1, index, value)
    book.close()


def inline_needs():
    """xlsxwriter's constant-memory mode: every text an inline string (`t="inlineStr"`), dates as text."""
    book = xlsxwriter.Workbook(path("inline-needs.xlsx"), {"constant_memory": True})
    sheet = book.add_worksheet("needs")
    sheet.write_row(0, 0, COLUMNS)
    for number, row in enumerate(ROWS):
        values = [value.isoformat() if isinstance(value, datetime.date) else value for value in row]
        for index, value in enumerate(values):
            if value is not None:
                sheet.write(number + 1, index, value)
    book.close()


def catalog():
    """`Tests/Fixtures/workspace/catalog.csv` on a sheet named `Catalog` after a cover sheet; prices as numbers."""
    book = openpyxl.Workbook()
    book.active.title = "Cover"
    sheet = book.create_sheet("Catalog")
    sheet.append(["item", "description", "classification", "unit", "lot", "estimated_unit_price", "packs"])
    sheet.append(["LAPTOP-14", "Laptop, 14 in, 16 GB RAM, 512 GB SSD, 3-year warranty", "UNSPSC:43211503", "EA", None,
                  950, None])
    sheet.append(["MONITOR-24", "Monitor, 24 in, height-adjustable", "UNSPSC:43211902", "EA", None, 180, None])
    sheet.append(["TOWEL-MF", "Multifold paper towel, 250 sheets per sleeve", "UNSPSC:14111703", "EA", None, 2.1,
                  "XCS=16"])
    sheet.append(["FLOOR-CLEANER", "Neutral floor cleaner concentrate", "UNSPSC:47131801", "GLL", None, 18.5,
                  "XCS=4"])
    book.save(path("catalog.xlsx"))


# values.xlsx: column A says what column B holds, column C the text B must read as ("" for an empty cell; an
# error names the finding). Row 1 is the header. Cells are written as Excel writes them unless the note says.
VALUES = [
    ("shared string", '<c r="B{r}" t="s"><v>0</v></c>', "Plain text"),
    ("rich text with a phonetic guide", '<c r="B{r}" t="s"><v>1</v></c>', "東京 Tokyo"),
    ("inline string in runs", '<c r="B{r}" t="inlineStr"><is><r><t>In</t></r><r><t xml:space="preserve">line </t></r><r><t>text</t></r></is></c>', "Inline text"),
    ("text formula with its result", '<c r="B{r}" t="str"><f>UPPER("a")</f><v>A</v></c>', "A"),
    ("number formula with its result", '<c r="B{r}"><f>0.1+0.2</f><v>0.30000000000000004</v></c>', "0.3"),
    ("true", '<c r="B{r}" t="b"><v>1</v></c>', "TRUE"),
    ("false", '<c r="B{r}" t="b"><v>0</v></c>', "FALSE"),
    ("17 digits", '<c r="B{r}"><v>1234.4999999999998</v></c>', "1234.5"),
    ("17 digits, rounded up through 9s", '<c r="B{r}"><v>99.999999999999986</v></c>', "100"),
    ("an exponent", '<c r="B{r}"><v>1E-3</v></c>', "0.001"),
    ("a large exponent", '<c r="B{r}"><v>1.5E+20</v></c>', "150000000000000000000"),
    ("an integer", '<c r="B{r}"><v>10000</v></c>', "10000"),
    ("a negative decimal", '<c r="B{r}"><v>-2.50</v></c>', "-2.5"),
    ("date, built-in format 14", '<c r="B{r}" s="1"><v>46599</v></c>', "2027-07-31"),
    ("date and time, built-in format 22", '<c r="B{r}" s="2"><v>46599.75</v></c>', "2027-07-31"),
    ("date, custom m/d/yyyy (LibreOffice)", '<c r="B{r}" s="3"><v>46599</v></c>', "2027-07-31"),
    ("date, [$-409]d-mmm-yy", '<c r="B{r}" s="4"><v>59</v></c>', "1900-02-28"),
    ("date, 1900-03-01", '<c r="B{r}" s="1"><v>61</v></c>', "1900-03-01"),
    ("time only, h:mm", '<c r="B{r}" s="5"><v>0.5</v></c>', "0.5"),
    ("percent, not a date", '<c r="B{r}" s="6"><v>0.25</v></c>', "0.25"),
    ("quoted letters, not a date", '<c r="B{r}" s="7"><v>3</v></c>', "3"),
    ("date cell t=d", '<c r="B{r}" t="d"><v>2027-07-31T00:00:00Z</v></c>', "2027-07-31"),
    ("date typed as text", '<c r="B{r}" t="s"><v>2</v></c>', "2027-07-31"),
    ("whitespace only", '<c r="B{r}" t="s"><v>3</v></c>', ""),
    ("empty styled cell", '<c r="B{r}" s="1"/>', ""),
]


def values():
    strings = [
        "<si><t>Plain text</t></si>",
        "<si><r><t>東京</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> Tokyo</t></r>"
        "<rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si>",
        "<si><t>2027-07-31</t></si>",
        "<si><t xml:space=\"preserve\">   </t></si>",
    ]
    labels = ["kind", "value", "expected"] + [label for label, _, _ in VALUES] + [expected for _, _, expected in VALUES]
    first_label = len(strings)
    strings += ["<si><t>%s</t></si>" % text for text in labels]

    def shared(index):
        return '<c r="{col}{r}" t="s"><v>%d</v></c>' % (first_label + index)

    rows = ['<row r="1">%s%s%s</row>' % (shared(0).format(col="A", r=1), shared(1).format(col="B", r=1),
                                         shared(2).format(col="C", r=1))]
    for number, (_, cell, _) in enumerate(VALUES):
        r = number + 2
        label = shared(3 + number).format(col="A", r=r)
        expected = shared(3 + len(VALUES) + number).format(col="C", r=r)
        rows.append('<row r="%d">%s%s%s</row>' % (r, label, cell.format(r=r), expected))
    # A row and cells without references: row 27, cells A, B, C in order.
    rows.append('<row><c t="s"><v>%d</v></c><c><v>7</v></c><c t="s"><v>%d</v></c></row>'
                % (first_label + len(labels), first_label + len(labels) + 1))
    strings += ["<si><t>no references</t></si>", "<si><t>7</t></si>"]
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
             '<sheetData>%s</sheetData></worksheet>' % "".join(rows))
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<numFmts count="3"><numFmt numFmtId="164" formatCode="m/d/yyyy"/>'
              '<numFmt numFmtId="165" formatCode="[$-409]d\\-mmm\\-yy;@"/>'
              '<numFmt numFmtId="166" formatCode="0 &quot;days&quot;"/></numFmts>'
              '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
              '<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="164"/>'
              '<xf numFmtId="165"/><xf numFmtId="20"/><xf numFmtId="9"/><xf numFmtId="166"/></cellXfs>'
              '</styleSheet>')
    write_parts(path("values.xlsx"), sheet, shared_strings=strings, styles=styles, sheet_name="values")


def write_parts(target, sheet, shared_strings=None, styles=None, sheet_name="needs", date1904=False):
    """A minimal workbook, part by part: one sheet, and shared strings and styles when given."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId1" '
                       'Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (package, relationships),
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s">%s<sheets>'
                           '<sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>'
                           % (main, relationships, '<workbookPr date1904="1"/>' if date1904 else "", sheet_name),
        "xl/worksheets/sheet1.xml": sheet,
    }
    rels = ['<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/>' % relationships]
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s">%s</sst>'
                                         % (main, "".join(shared_strings)))
        rels.append('<Relationship Id="rId2" Type="%s/sharedStrings" Target="/xl/sharedStrings.xml"/>' % relationships)
    if styles is not None:
        parts["xl/styles.xml"] = styles
        rels.append('<Relationship Id="rId3" Type="%s/styles" Target="styles.xml"/>' % relationships)
    parts["xl/_rels/workbook.xml.rels"] = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">%s'
                                           '</Relationships>' % (package, "".join(rels)))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(parts):
            info = zipfile.ZipInfo(name, date_time=(2027, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, parts[name].encode("utf-8"))


if __name__ == "__main__":
    openpyxl_needs()
    xlsxwriter_needs()
    inline_needs()
    catalog()
    values()
