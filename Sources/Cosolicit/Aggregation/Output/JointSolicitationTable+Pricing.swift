import Foundation

extension JointSolicitation {
  /// The zones with their participants and the price options, for the terminal summary; empty when lines are
  /// priced once, by unit price.
  var pricingSummary: String {
    var output = ""
    if !zones.isEmpty {
      output += "Price zones: "
      output += zones.zones.map { zone in
        let members = zone.participants.map(\.value).joined(separator: ", ")
        return "\(zone.id.value) (\(VisibleText.escaped(zone.title)): \(VisibleText.escaped(members)))"
      }.joined(separator: "; ")
      output += "\n"
    }
    if !solicitation.priceOptions.isEmpty {
      output += "Price options: "
      output += solicitation.priceOptions.map { option in
        var text = "\(option.id.value) (\(VisibleText.escaped(option.title)), \(option.basis.rawValue)"
        if let index = option.index, let reference = option.referencePrice {
          text += " over \(VisibleText.escaped(index)), evaluated at \(MoneyText.unitPrice(reference))"
        }
        return text + ")"
      }.joined(separator: "; ")
      output += "; the award goes by \(solicitation.awardPriceOption?.word ?? "lowest")\n"
    }
    return output
  }

  /// The lines of `lot` by zone: each zone's quantity (committed plus estimated), `-` where the zone has no
  /// demand for the line; empty without zones.
  func zoneTable(of lot: AggregatedLot) -> String {
    guard !zones.isEmpty, !lot.lines.isEmpty else { return "" }
    var table = TextTable(
      columns: [("Line", .right), ("Unit", .left)]
        + zones.zones.map { (TextTable.truncate($0.id.value, to: 16), .right) })
    for line in lot.lines {
      let parts = zoneQuantities(of: line)
      table.rows.append(
        [String(line.number), line.unit.code]
          + zones.zones.map { zone in
            parts.first { $0.zoneID == zone.id.value }.map {
              $0.isAsNeeded ? "as needed" : DecimalText.format($0.quantity)
            }
              ?? "-"
          })
    }
    return "  Quantities by zone:\n" + table.rendered()
  }
}
