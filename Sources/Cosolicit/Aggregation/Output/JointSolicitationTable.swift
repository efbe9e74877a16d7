import Foundation

extension JointSolicitation {
  /// A readable summary for a terminal: each lot's lines with aligned columns, the totals, the participants, the
  /// review list and the threshold check.
  public var table: String {
    let currency = solicitation.currency
    var output = "\(solicitation.id): \(VisibleText.escaped(solicitation.title)) (\(currency))\n"
    let types = EntityType.allCases.compactMap { type in participantsByType[type].map { "\($0) \(type.rawValue)" } }
    output +=
      "\(participants.count) participants (\(types.joined(separator: ", "))); \(lines.count) lines; "
      + "\(lines.reduce(0) { $0 + $1.shares.count }) shares\n"
    output += pricingSummary
    for lot in lots {
      output += "\nLot \(lot.lot.id.value): \(VisibleText.escaped(lot.lot.title))\n"
      guard !lot.lines.isEmpty else {
        output += "  (no lines)\n"
        continue
      }
      var table = TextTable(
        columns: [
          ("Line", .right), ("Item", .left), ("Description", .left), ("Unit", .left), ("Committed", .right),
          ("Estimated", .right), ("Unit price", .right), ("Committed value", .right), ("Shares", .right),
        ] + (lot.lines.contains(where: \.hasRange) ? [("Minimum-maximum", .right)] : []))
      for line in lot.lines {
        let range =
          line.isAsNeeded
          ? "as needed"
          : "\(DecimalText.format(line.minimumQuantity))-\(DecimalText.format(line.maximumQuantity))"
        table.rows.append(
          [
            String(line.number), line.itemID ?? "(write-in)", TextTable.truncate(line.description, to: 40),
            line.unit.code, line.isAsNeeded ? "as needed" : DecimalText.format(line.committedQuantity),
            line.isAsNeeded ? "as needed" : DecimalText.format(line.estimatedQuantity),
            line.estimatedUnitPrice.map(MoneyText.unitPrice) ?? "-", line.committedValue.map(MoneyText.format) ?? "-",
            String(line.shares.count),
          ] + (table.columns.count > 9 ? [range] : []))
      }
      output += table.rendered()
      output += zoneTable(of: lot)
      output += "  Lot total: " + Self.describe(lot.totals, currency: currency) + "\n"
    }
    output += "\nTotal: " + Self.describe(totals, currency: currency) + "\n"
    output += "  Committed quantities by unit: " + Self.describe(totals.committedQuantity) + "\n"
    let estimated = totals.estimatedQuantity.filter { $0.value != 0 }
    if !estimated.isEmpty {
      output += "  Estimated quantities by unit: " + Self.describe(estimated) + "\n"
    }
    output += "\nParticipants\n"
    var people = TextTable(columns: [
      ("Agency", .left), ("Name", .left), ("Type", .left), ("Lines", .right), ("Committed value", .right),
      ("Estimated value", .right),
    ])
    for participant in participants {
      people.rows.append([
        participant.agency.id.value, TextTable.truncate(participant.agency.name, to: 36),
        participant.agency.type?.rawValue ?? "-", String(participant.lineCount),
        MoneyText.format(participant.committedValue), MoneyText.format(participant.estimatedValue),
      ])
    }
    output += people.rendered()
    output += "\nReview (\(review.count))\n"
    for item in review {
      let sources = item.sources.prefix(3).map {
        "\(VisibleText.escaped($0.path)):\(VisibleText.escaped($0.lineOrCell))"
      }
      .joined(separator: ", ")
      let more = item.sources.count > 3 ? ", and \(item.sources.count - 3) more" : ""
      output += "  - [\(item.kind.rawValue)] \(VisibleText.escaped(item.message)) (\(sources)\(more))\n"
    }
    if review.isEmpty { output += "  nothing to review\n" }
    output += "\nThreshold\n  " + thresholdSentence + "\n"
    return output
  }

  private var thresholdSentence: String {
    let currency = solicitation.currency
    let combined = "Combined value \(MoneyText.format(threshold.combinedValue)) \(currency)"
    let unpriced =
      threshold.unpricedLineCount > 0
      ? " (\(threshold.unpricedLineCount) line\(threshold.unpricedLineCount == 1 ? "" : "s") without a price left out)"
      : ""
    guard let limit = threshold.formalBidThreshold else {
      return combined + unpriced + "; the definition gives no formal_bid_threshold."
    }
    let verdict =
      threshold.requiresFormalProcess == true
      ? "is above the formal bid threshold of \(MoneyText.format(limit)): a formal competitive process is required."
      : "is at or below the formal bid threshold of \(MoneyText.format(limit))."
    var sentence = "\(combined)\(unpriced) \(verdict)"
    let below = threshold.participantsBelow
    if !below.isEmpty {
      let names = below.map { "\($0.agencyID) (\(MoneyText.format($0.value)))" }.joined(separator: ", ")
      sentence +=
        "\n  On their own, \(below.count) of \(participants.count) participants would be at or below it: "
        + names + "."
    }
    return sentence
  }

  private static func describe(_ totals: QuantityTotals, currency: String) -> String {
    var text =
      "committed value \(MoneyText.format(totals.committedValue)) \(currency), estimated value "
      + "\(MoneyText.format(totals.estimatedValue)) \(currency)"
    if totals.unpricedLineCount > 0 {
      text += " (\(totals.unpricedLineCount) line\(totals.unpricedLineCount == 1 ? "" : "s") without a price)"
    }
    let isRange =
      !(totals.minimumValue - totals.committedValue).isZero
      || !(totals.maximumValue - totals.committedValue - totals.estimatedValue).isZero
    if isRange {
      text +=
        "; guaranteed minimum \(MoneyText.format(totals.minimumValue)) \(currency), at most "
        + "\(MoneyText.format(totals.maximumValue)) \(currency)"
    }
    if totals.asNeededLineCount > 0 {
      text +=
        " (\(totals.asNeededLineCount) as-needed line\(totals.asNeededLineCount == 1 ? "" : "s") left out: no "
        + "quantity)"
    }
    return text
  }

  private static func describe(_ quantities: [String: Decimal]) -> String {
    quantities.keys.sorted().map { "\($0) \(DecimalText.format(quantities[$0]!))" }.joined(separator: ", ")
  }
}
