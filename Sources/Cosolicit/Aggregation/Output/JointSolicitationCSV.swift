import Foundation

extension JointSolicitation {
  /// The columns of ``csv``.
  public static let csvColumns = [
    "lot", "line", "item", "description", "classification", "unit", "agency", "agency_name", "zone", "quantity",
    "original_quantity", "original_unit", "commitment", "deliver_to", "need_by", "minimum_quantity",
    "maximum_quantity", "as_needed", "source",
  ]

  /// One row per share, for spreadsheets; cells that a spreadsheet would run as formulas are neutralized.
  public var csv: String {
    var text = ""
    writeCSV { text += $0 }
    return text
  }

  /// Writes the CSV in parts, a solicitation line's shares at a time.
  func writeCSV(_ emit: (String) throws -> Void) rethrows {
    try emit(CSVCell.row(Self.csvColumns))
    var quantities = DecimalText.Memo()
    for lot in lots {
      for line in lot.lines {
        var output = ""
        for share in line.shares {
          output += CSVCell.row([
            lot.lot.id.value, String(line.number), line.itemID ?? "", line.description,
            line.classification.description, line.unit.code, share.agencyID, share.agencyName,
            zones.zone(of: share.agencyID)?.id.value ?? "",
            quantities.format(share.quantity), quantities.format(share.originalQuantity), share.originalUnit.code,
            share.commitment.rawValue, share.deliverTo ?? "", share.needBy?.description ?? "",
            quantities.format(share.minimumQuantity), quantities.format(share.maximumQuantity),
            share.isAsNeeded ? "yes" : "", "\(share.source.path):\(share.source.lineOrCell)",
          ])
        }
        try emit(output)
      }
    }
  }
}
