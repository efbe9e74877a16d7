import Foundation

extension TabulationDocument {
  /// The tabulation as CSV: a header, then one row per tabulation row (a line in a zone) with the line's
  /// columns, the low bids, the line as awarded, and for each bid (in bid order) whether it is responsive (the
  /// reasons are in the HTML), its answer, each option's price,
  /// the evaluated price, the extended price, the deviation from the low bid in percent and whether it is low.
  /// Numbers are exact and plain (`2.6375`, `-0.05`); text goes through ``CSVCell`` (formulas neutralised).
  public static func csv(_ t: BidTabulation) -> String {
    let options = t.joint.solicitation.priceOptions
    var header = [
      "solicitation", "lot", "line", "zone", "item", "description", "unit", "quantity", "as_needed", "low_bids",
      "awarded_bid", "awarded_supplier", "awarded_option", "awarded_unit_price", "awarded_extended_price",
    ]
    for bid in t.bids {
      header += ["\(bid.id) responsive", "\(bid.id) answer"]
      if options.isEmpty {
        header.append("\(bid.id) unit_price")
      } else {
        for option in options {
          header.append("\(bid.id) option \(option.id.value) \(option.isDifferential ? "differential" : "unit_price")")
        }
        header.append("\(bid.id) evaluated_option")
      }
      header += ["evaluated_unit_price", "extended_price", "deviation_percent", "low"].map { "\(bid.id) \($0)" }
    }
    var text = CSVCell.row(header)
    let awards = AwardedLineIndex(t.awardedLines)
    let solicitationID = CSVCell.escape(t.joint.solicitation.id)
    for row in t.rows {
      let award = awards.line(lot: row.lotID, number: row.lineNumber, zone: row.zoneID)
      var cells = [
        solicitationID, CSVCell.escape(row.lotID), String(row.lineNumber), CSVCell.escape(row.zoneID ?? ""),
        CSVCell.escape(row.itemID ?? ""), CSVCell.escape(row.description), CSVCell.escape(row.unit),
        row.isAsNeeded ? "" : AwardPage.number(row.quantity), row.isAsNeeded ? "yes" : "no",
        CSVCell.escape(row.lowBidIDs.joined(separator: " ")), CSVCell.escape(award?.bidID ?? ""),
        CSVCell.escape(award?.supplier ?? ""), CSVCell.escape(award?.price.option ?? ""),
        award.map { AwardPage.number($0.price.evaluatedUnitPrice) } ?? "",
        award.map { $0.isAsNeeded ? "" : AwardPage.amount($0.extendedPrice) } ?? "",
      ]
      for (bid, cell) in zip(t.bids, row.cells) {
        cells.append(bid.isResponsive ? "yes" : "no")
        cells.append(answerWord(cell.answer))
        if options.isEmpty {
          cells.append(cell.prices.first?.unitPrice.map(AwardPage.number) ?? "")
        } else {
          for option in options {
            let offered = cell.prices.first { Identifier.same($0.option, option.id.value) }
            let value = option.isDifferential ? offered?.differential : offered?.unitPrice
            cells.append(value.map(AwardPage.number) ?? "")
          }
          cells.append(CSVCell.escape(cell.evaluatedOption ?? ""))
        }
        cells.append(cell.evaluatedUnitPrice.map(AwardPage.number) ?? "")
        cells.append(cell.extendedPrice.map(AwardPage.amount) ?? "")
        cells.append(cell.deviationPercent.map(AwardPage.number) ?? "")
        cells.append(row.lowBidIDs.contains(cell.bidID) ? "LOW" : "")
      }
      text += cells.joined(separator: ",") + "\r\n"
    }
    return text
  }

  /// The word a CSV cell gives a bid's answer.
  static func answerWord(_ answer: TabulationCell.Answer) -> String {
    switch answer {
    case .priced: "priced"
    case .noBid: "no bid"
    case .blank: "blank"
    case .unreadable: "unreadable"
    }
  }
}
