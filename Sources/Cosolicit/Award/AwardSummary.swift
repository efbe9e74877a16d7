import Foundation

/// The tabulation as the terminal shows it: each bid with its receipt time and standing, then each award unit
/// with its winner, amount, how a tie was broken and the secondary supplier.
public enum AwardSummary {
  /// The summary text, ending with a newline.
  public static func text(_ tabulation: BidTabulation) -> String {
    let solicitation = tabulation.joint.solicitation
    let zone = solicitation.content.timeZone
    let responsive = tabulation.bids.count { $0.isResponsive }
    var text = "\(solicitation.id): \(tabulation.bids.count) bids received, \(responsive) responsive\n"
    var bids = TextTable(columns: [
      ("Bid", .left), ("Supplier", .left), ("Received", .left), ("Standing", .left),
    ])
    for bid in tabulation.bids {
      var flags: [String] = []
      if bid.isAllOrNone { flags.append("all-or-none") }
      if bid.isLocal { flags.append("local") }
      let standing =
        (bid.isResponsive ? "responsive" : "NONRESPONSIVE: " + TextTable.truncate(bid.reasons[0], to: 70))
        + (flags.isEmpty ? "" : " (\(flags.joined(separator: ", ")))")
      bids.rows.append([
        bid.id, TextTable.truncate(bid.supplier, to: 32), bid.received?.spelled(in: zone) ?? "not recorded", standing,
      ])
    }
    text += bids.rendered()
    let method = solicitation.awardMethod?.rawValue ?? ""
    text += "\nAward (\(method)), amounts in \(solicitation.currency):\n"
    var columns: [(title: String, alignment: TextTable.Alignment)] = [
      ("Unit", .left), ("Awarded to", .left), ("Amount", .right), ("Tie", .left),
    ]
    if solicitation.secondaryAward { columns.append(("Secondary", .left)) }
    var units = TextTable(columns: columns)
    for unit in tabulation.units {
      let winner: String
      if let standing = unit.winner {
        let supplier = tabulation.bid(standing.bidID)?.supplier ?? standing.bidID
        winner =
          TextTable.truncate(supplier, to: 32) + (supplier == standing.bidID ? "" : " [\(standing.bidID)]")
          + (standing.option.map { ", option \($0)" } ?? "")
      } else if !unit.unresolvedTie.isEmpty {
        winner = "TIED: " + unit.unresolvedTie.joined(separator: ", ")
      } else {
        winner = "no responsive bid"
      }
      let amount = (unit.winner ?? unit.eligible.first).map { MoneyText.unitPrice($0.amount) } ?? ""
      let tie = unit.tieBreak.map { "\($0.tied.joined(separator: ", ")) tied; \($0.method)" } ?? ""
      var row = [unit.unit.description, winner, amount, tie]
      if solicitation.secondaryAward { row.append(unit.secondary.map(\.bidID).joined(separator: ", ")) }
      units.rows.append(row)
    }
    text += units.rendered()
    if tabulation.isAwarded, tabulation.awardedLines.isEmpty {
      text += "\nNothing is awarded: no responsive bid prices a unit.\n"
    } else if tabulation.isAwarded {
      let total = tabulation.awardedLines.reduce(Decimal(0)) { $0 + $1.extendedPrice }
      text +=
        "\nAwarded lines: \(tabulation.awardedLines.count), total \(solicitation.currency) "
        + "\(MoneyText.unitPrice(total))\n"
    } else {
      text += "\nNot awarded: a tie is unresolved (see the errors).\n"
    }
    return text
  }
}
