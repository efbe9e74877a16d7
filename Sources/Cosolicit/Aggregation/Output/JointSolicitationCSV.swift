extension JointSolicitation {
  /// The columns of ``csv``.
  public static let csvColumns = [
    "lot", "line", "item", "description", "classification", "unit", "agency", "agency_name", "quantity",
    "original_quantity", "original_unit", "commitment", "deliver_to", "need_by", "source",
  ]

  /// One row per share, for spreadsheets; cells that a spreadsheet would run as formulas are neutralized.
  public var csv: String {
    var output = CSVCell.row(Self.csvColumns)
    for lot in lots {
      for line in lot.lines {
        for share in line.shares {
          output += CSVCell.row([
            lot.lot.id.value, String(line.number), line.itemID ?? "", line.description,
            line.classification.description, line.unit.code, share.agencyID, share.agencyName,
            DecimalText.format(share.quantity), DecimalText.format(share.originalQuantity), share.originalUnit.code,
            share.commitment.rawValue, share.deliverTo ?? "", share.needBy?.description ?? "",
            "\(share.source.path):\(share.source.line)",
          ])
        }
      }
    }
    return output
  }
}
