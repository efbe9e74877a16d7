import Foundation

/// A needs request form: the rows a participant fills in, one per catalog item and then some for write-ins, with
/// the participant's agency pre-filled on every row when it is known. The workbook (``NeedsRequestWorkbook``) and
/// the CSV show the same rows under the same header, which the needs reader takes back.
public struct NeedsRequestForm: Sendable {
  /// The columns of the needs sheet and the CSV, in order: the item (informational for catalog rows), the
  /// fill-in columns, then the agency.
  public static let columns = itemColumns + fillInColumns + agencyColumns
  /// The columns describing the item; `base_unit`, `packs` and `estimated_unit_price` are informational (the
  /// reader's ``NeedsReader/formColumns``).
  public static let itemColumns = ["item", "description", "classification"] + NeedsReader.formColumns
  /// The columns a participant fills in, as the reader knows them; a row with all of them empty is no need.
  public static let fillInColumns = NeedsReader.fillInColumns
  /// The agency's columns, as the reader knows them, pre-filled when the participant is known.
  public static let agencyColumns = TableAgencies.columns
  /// How many empty rows follow the catalog's, for needs the catalog does not list.
  public static let writeInRowCount = 10

  /// One row of the form.
  public struct Row: Sendable {
    /// The cell of each column that has one, by column name.
    public var values: [String: String]
    /// The catalog item's estimated unit price, written as a number.
    public var estimatedUnitPrice: Decimal?
    /// The unit codes offered for the row: the item's base unit and its packs; for a write-in row, every unit.
    public var units: [String]
    /// Whether the row is for a write-in.
    public var isWriteIn: Bool
  }

  /// The solicitation the form is for.
  public var solicitation: Solicitation
  /// The participant, or nil for a blank form.
  public var agency: Agency?
  /// The rows, catalog items first.
  public var rows: [Row]

  /// The form of `agency` (nil: a blank form) for `solicitation` and its `catalog`, if it has one.
  public init(solicitation: Solicitation, catalog: Catalog?, agency: Agency?) {
    self.solicitation = solicitation
    self.agency = agency
    let agencyValues = agency.map(Self.values(of:)) ?? [:]
    var rows: [Row] = []
    for item in catalog?.items ?? [] {
      let packs = Self.packs(of: item)
      var values = agencyValues
      values["item"] = item.id.value
      values["description"] = item.description
      values["classification"] = item.classification.value.description
      values["base_unit"] = item.unit.code
      if !packs.isEmpty {
        values["packs"] = packs.map { "\($0.code) = \(DecimalText.format($0.size)) \(item.unit.code)" }
          .joined(separator: "; ")
      }
      rows.append(
        Row(
          values: values, estimatedUnitPrice: item.estimatedUnitPrice, units: [item.unit.code] + packs.map(\.code),
          isWriteIn: false))
    }
    let allUnits = UnitTable.units.map(\.code)
    for _ in 0..<Self.writeInRowCount {
      rows.append(Row(values: agencyValues, estimatedUnitPrice: nil, units: allUnits, isWriteIn: true))
    }
    self.rows = rows
  }

  /// The name of the form's files without extension: `<agency id>-needs`, or `blank-needs`.
  public var fileStem: String { "\(agency?.id.value ?? "blank")-needs" }

  /// The form as CSV: the header, then one row per form row; every cell a text a spreadsheet will not run as a
  /// formula (``CSVCell``), rows ended by CRLF.
  public var csv: String {
    var text = CSVCell.row(Self.columns)
    for row in rows {
      text += CSVCell.row(
        Self.columns.map { column in
          column == "estimated_unit_price"
            ? row.estimatedUnitPrice.map(DecimalText.format) ?? "" : row.values[column] ?? ""
        })
    }
    return text
  }

  /// An item's packs, smallest first: package code and how many base units it holds.
  static func packs(of item: CatalogItem) -> [(code: String, size: Decimal)] {
    item.packs.map { (code: $0.key, size: $0.value) }.sorted {
      $0.size != $1.size ? $0.size < $1.size : $0.code < $1.code
    }
  }

  /// The agency columns of `agency`.
  static func values(of agency: Agency) -> [String: String] {
    let values: [String: String?] = [
      "agency_id": agency.id.value, "agency_name": agency.name, "agency_type": agency.type?.rawValue,
      "agency_state": agency.state, "contact_name": agency.contact?.name, "contact_email": agency.contact?.email,
      "contact_phone": agency.contact?.phone, "signer_name": agency.signer?.name, "signer_title": agency.signer?.title,
    ]
    return values.compactMapValues { $0 }
  }
}
