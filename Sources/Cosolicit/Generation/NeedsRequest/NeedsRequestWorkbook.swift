import Foundation

/// The workbook of a needs request form: an `instructions` sheet first, then the `needs` sheet a participant
/// fills in, with a frozen, filterable header, drop-down lists for each row's unit and for commitment, and text
/// formats that keep dates and addresses as typed.
public enum NeedsRequestWorkbook {
  /// The name of the sheet the needs reader reads.
  public static let needsSheetName = "needs"
  /// The name of the instructions sheet.
  public static let instructionsSheetName = "instructions"

  /// The workbook of `form`.
  public static func workbook(_ form: NeedsRequestForm) -> SpreadsheetWorkbook {
    let agency = form.agency.map { " for \($0.name)" } ?? ""
    return SpreadsheetWorkbook(
      sheets: [NeedsRequestInstructions.sheet(form), needsSheet(form)],
      title: "Needs request \(form.solicitation.id)\(agency)")
  }

  /// The width and format of each column, by name.
  private static let layout: [String: SpreadsheetSheet.Column] = [
    "item": .init(width: 16), "description": .init(width: 48), "classification": .init(width: 18),
    "base_unit": .init(width: 10), "packs": .init(width: 24), "estimated_unit_price": .init(width: 12, style: .price),
    "quantity": .init(width: 10), "minimum_quantity": .init(width: 12), "unit": .init(width: 9, style: .text),
    "commitment": .init(width: 12, style: .text),
    "deliver_to": .init(width: 36, style: .text), "need_by": .init(width: 12, style: .text),
    "releases": .init(width: 34, style: .text),
    "spec": .init(width: 30, style: .text), "notes": .init(width: 30, style: .text),
    "agency_id": .init(width: 20), "agency_name": .init(width: 28), "agency_type": .init(width: 14),
    "agency_state": .init(width: 8), "contact_name": .init(width: 20), "contact_email": .init(width: 28),
    "contact_phone": .init(width: 14), "signer_name": .init(width: 20), "signer_title": .init(width: 24),
    "submitted": .init(width: 12, style: .text),
  ]

  private static func needsSheet(_ form: NeedsRequestForm) -> SpreadsheetSheet {
    let columns = NeedsRequestForm.columns
    var rows: [[SpreadsheetCell]] = [columns.map { .text($0, .header) }]
    for row in form.rows {
      rows.append(
        columns.map { column in
          if column == "estimated_unit_price", let price = row.estimatedUnitPrice { return .number(price, .price) }
          if let value = row.values[column] { return .text(value, layout[column]?.style ?? .plain) }
          // Empty cells a participant fills in carry their column's format, so that what is typed stays as typed.
          return NeedsRequestForm.fillInColumns.contains(column) || column == "submitted"
            ? .empty(layout[column]?.style ?? .plain) : .empty(.plain)
        })
    }
    var sheet = SpreadsheetSheet(
      name: needsSheetName, columns: columns.map { layout[$0] ?? .init(width: 12) }, rows: rows)
    sheet.freezesHeader = true
    sheet.filtersHeader = true
    sheet.validations = validations(form, columns: columns)
    return sheet
  }

  private static func validations(_ form: NeedsRequestForm, columns: [String]) -> [SpreadsheetValidation] {
    func column(_ name: String) -> Int { columns.firstIndex(of: name) ?? 0 }
    let allRows = 2...(form.rows.count + 1)
    var validations: [SpreadsheetValidation] = [
      // Not strict: `as-needed` (an item ordered as needed, with no quantity) is a quantity too.
      SpreadsheetValidation(
        .decimalGreaterThan(0), column: column("quantity"), rows: allRows, isStrict: false,
        prompt: "How many, in the unit you choose: a number above 0, such as 12 or 2.5; or as-needed",
        error: "The quantity is a number above 0, such as 12 or 2.5, or as-needed for an item with no quantity."),
      SpreadsheetValidation(
        .decimalGreaterThan(-1), column: column("minimum_quantity"), rows: allRows, isStrict: false,
        prompt: "Optional, on a binding row: the part of the quantity you commit to; the rest is an estimate",
        error: "The minimum quantity is a number from 0 up to the quantity, in the same unit."),
      SpreadsheetValidation(
        .list(Commitment.allCases.map(\.rawValue)), column: column("commitment"), rows: allRows,
        prompt: "binding: you commit to buy; estimate: a non-binding estimate",
        error: "Choose binding or estimate."),
      SpreadsheetValidation(
        .textLength(10), column: column("need_by"), rows: allRows, isStrict: false,
        prompt: "The date you need delivery, as yyyy-mm-dd, such as 2027-08-02",
        error: "Write the date as yyyy-mm-dd, such as 2027-08-02."),
    ]
    for (index, row) in form.rows.enumerated() {
      validations.append(
        SpreadsheetValidation(
          .list(row.units), column: column("unit"), rows: (index + 2)...(index + 2), isStrict: false,
          prompt: row.isWriteIn
            ? "A unit code (see the instructions), such as EA, DZN, XCS or LBR"
            : "The item's base unit or one of its packs; other units of the same kind are accepted too",
          error: "This unit is not in the list; a unit of the same kind as the base unit (or a listed pack) "
            + "is still accepted."))
    }
    return validations
  }
}
