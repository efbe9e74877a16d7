import CosolicitTestSupport
import Foundation

@testable import Cosolicit

/// A bid tabulation put together by hand from an aggregated example and a few made-up bidders, for the award
/// documents' tests: rows per line and zone, cells from each bidder's price rule, the low bids and deviations,
/// one unit per line (by-line, by-participant) or lot (by-lot) or the whole (all-or-none), won by the lowest
/// responsive bid, and the lines awarded. Simple on purpose; the award engine has its own tests.
enum HandTabulation {
  /// A made-up bidder.
  struct Bidder {
    /// The bid's id (its file name without `.xml`).
    var id: String
    /// The supplier's name.
    var supplier: String
    /// The price for a line in a zone at an option (the unit price, or an option's differential); nil leaves
    /// the line blank.
    var price: @Sendable (SolicitationLine, String?, PriceOption?) -> Decimal?
    /// Why the whole bid is nonresponsive; none for a responsive bid.
    var reasons: [String] = []
    /// Lines declined with `<noBid/>` by line number (else left blank when unpriced).
    var noBidLines: Set<Int> = []
  }

  /// The example workspace `name` under `Examples/`, aggregated.
  static func joint(_ name: String) throws -> JointSolicitation {
    let intake = Intake.load(workspace: repositoryRoot.appendingPathComponent("Examples/\(name)").path)
    return try Aggregator.aggregate(intake).get()
  }

  /// Three bidders whose unit prices and differentials have four to six decimals (so that rounding each participant's line
  /// to cents leaves differences), one of them nonresponsive (late).
  static func bidders(for joint: JointSolicitation) -> [Bidder] {
    return [
      Bidder(id: "valley-supply", supplier: "Valley Supply Co.") { line, zone, option in
        if option?.isDifferential == true { return Decimal(string: "0.187537")! + (zone == "south" ? 0.01 : 0) }
        return Self.base(line) * Decimal(string: "0.9875")! + Decimal(line.number) / 1000
      },
      Bidder(id: "summit-distributors", supplier: "Summit Distributors, Inc.") { line, zone, option in
        if line.number % 4 == 3 { return nil }
        if option?.isDifferential == true { return Decimal(string: "0.172533")! }
        return Self.base(line) * Decimal(string: "0.9725")! + Decimal(string: "0.0045")!
      },
      Bidder(
        id: "late-bidder", supplier: "Late Bidder LLC",
        price: { line, _, _ in Self.base(line) * Decimal(string: "0.5")! },
        reasons: ["received at 2027-05-04T11:05:00, after the responses were due at 2027-05-04T11:00:00"]),
    ]
  }

  /// A line's price before a bidder's discount: the lead agency's estimate, or 10 plus the line number.
  static func base(_ line: SolicitationLine) -> Decimal { line.estimatedUnitPrice ?? Decimal(10 + line.number) }

  /// The tabulation of `joint` with `bidders`, awarded by the solicitation's method.
  static func make(_ joint: JointSolicitation, bidders: [Bidder]) -> BidTabulation {
    let solicitation = joint.solicitation
    let bids = bidders.enumerated().map { index, bidder in
      var bid = TabulatedBid(id: bidder.id, supplier: bidder.supplier, path: "bids/\(bidder.id).xml")
      bid.received = LocalDateTime(iso: "2027-05-0\(index % 4 + 1)T10:3\(index % 10)")
      bid.reasons = bidder.reasons
      return bid
    }
    var rows: [TabulationRow] = []
    for line in joint.lines {
      let zones = joint.zoneQuantities(of: line)
      let parts: [(zone: String?, quantity: Decimal, asNeeded: Bool)] =
        zones.isEmpty
        ? [(nil, line.quantity, line.isAsNeeded)] : zones.map { ($0.zoneID, $0.quantity, $0.isAsNeeded) }
      for part in parts {
        var row = TabulationRow(
          lotID: line.lotID, lineNumber: line.number, zoneID: part.zone, itemID: line.itemID,
          description: line.description, unit: line.unit.code, quantity: part.quantity, isAsNeeded: part.asNeeded,
          cells: [])
        row.cells = bidders.map { cell($0, line: line, zone: part.zone, row: row, solicitation: solicitation) }
        let priced = zip(bids, row.cells).filter { $0.0.isResponsive && $0.1.evaluatedUnitPrice != nil }
        if let low = priced.compactMap(\.1.evaluatedUnitPrice).min() {
          row.lowBidIDs = priced.filter { $0.1.evaluatedUnitPrice == low }.map(\.0.id)
          for index in row.cells.indices {
            guard let price = row.cells[index].evaluatedUnitPrice else { continue }
            var ratio = (price - low) / low * 100
            var rounded = Decimal()
            NSDecimalRound(&rounded, &ratio, 1, .plain)
            row.cells[index].deviationPercent = rounded
          }
        }
        rows.append(row)
      }
    }
    let (units, awarded) = award(rows: rows, bids: bids, method: solicitation.awardMethod ?? .byLine)
    return BidTabulation(joint: joint, bids: bids, rows: rows, units: units, awardedLines: awarded)
  }

  static func cell(
    _ bidder: Bidder, line: SolicitationLine, zone: String?, row: TabulationRow, solicitation: Solicitation
  ) -> TabulationCell {
    var cell = TabulationCell(bidID: bidder.id, answer: .blank)
    if solicitation.priceOptions.isEmpty {
      if let price = bidder.price(line, zone, nil) {
        cell.prices = [OfferedPrice(option: nil, unitPrice: price, differential: nil, evaluatedUnitPrice: price)]
      }
    } else {
      for option in solicitation.priceOptions {
        guard let value = bidder.price(line, zone, option) else { continue }
        cell.prices.append(
          option.isDifferential
            ? OfferedPrice(
              option: option.id.value, unitPrice: nil, differential: value,
              evaluatedUnitPrice: (option.referencePrice ?? 0) + value)
            : OfferedPrice(option: option.id.value, unitPrice: value, differential: nil, evaluatedUnitPrice: value))
      }
    }
    guard !cell.prices.isEmpty else {
      cell.answer = bidder.noBidLines.contains(line.number) ? .noBid : .blank
      return cell
    }
    cell.answer = .priced
    let evaluated =
      switch solicitation.awardPriceOption {
      case .option(let id)?: cell.prices.first { $0.option == id }
      default: cell.prices.min { $0.evaluatedUnitPrice < $1.evaluatedUnitPrice }
      }
    cell.evaluatedUnitPrice = evaluated?.evaluatedUnitPrice
    cell.evaluatedOption = evaluated?.option
    if let price = evaluated?.evaluatedUnitPrice, !row.isAsNeeded {
      cell.extendedPrice = AwardAmount.extended(price, row.quantity)
    }
    return cell
  }

  /// Units by the method (lines or lots per zone, or the whole), each won by the lowest responsive bid that
  /// priced every row of it, and the lines so awarded.
  static func award(
    rows: [TabulationRow], bids: [TabulatedBid], method: AwardMethod
  ) -> (
    [UnitEvaluation], [AwardedLine]
  ) {
    var groups: [(unit: AwardUnit, rows: [TabulationRow])] = []
    for row in rows {
      let unit: AwardUnit =
        switch method {
        case .byLine, .byParticipant: AwardUnit(.line(lot: row.lotID, number: row.lineNumber), zone: row.zoneID)
        case .byLot: AwardUnit(.lot(row.lotID), zone: row.zoneID)
        case .allOrNone: AwardUnit(.whole)
        }
      if let index = groups.firstIndex(where: { $0.unit == unit }) {
        groups[index].rows.append(row)
      } else {
        groups.append((unit, [row]))
      }
    }
    var units: [UnitEvaluation] = []
    var awarded: [AwardedLine] = []
    for group in groups {
      var evaluation = UnitEvaluation(unit: group.unit)
      for (index, bid) in bids.enumerated() {
        let cells = group.rows.map { $0.cells[index] }
        guard bid.isResponsive else {
          evaluation.excluded.append((bid.id, bid.reasons))
          continue
        }
        guard cells.allSatisfy({ $0.evaluatedUnitPrice != nil }) else {
          evaluation.excluded.append((bid.id, ["a line of the unit is not priced"]))
          continue
        }
        let amount = zip(group.rows, cells).reduce(Decimal(0)) {
          $0 + ($1.0.isAsNeeded ? $1.1.evaluatedUnitPrice! : $1.1.extendedPrice!)
        }
        evaluation.eligible.append(.init(bidID: bid.id, amount: amount, option: cells.first?.evaluatedOption))
      }
      evaluation.eligible.sort { $0.amount < $1.amount }
      evaluation.winner = evaluation.eligible.first
      evaluation.secondary = Array(evaluation.eligible.dropFirst().prefix(1))
      units.append(evaluation)
      guard let winner = evaluation.winner, let index = bids.firstIndex(where: { $0.id == winner.bidID }) else {
        continue
      }
      for row in group.rows {
        let cell = row.cells[index]
        let price = cell.prices.first { $0.option == cell.evaluatedOption } ?? cell.prices[0]
        awarded.append(
          AwardedLine(
            lotID: row.lotID, lineNumber: row.lineNumber, zoneID: row.zoneID, bidID: winner.bidID,
            supplier: bids[index].supplier, unit: group.unit, price: price,
            index: price.differential == nil ? nil : "OPIS rack average", brandModel: nil,
            quantity: row.isAsNeeded ? 0 : row.quantity, isAsNeeded: row.isAsNeeded,
            extendedPrice: row.isAsNeeded ? 0 : AwardAmount.extended(price.evaluatedUnitPrice, row.quantity)))
      }
    }
    return (units, awarded)
  }
}
