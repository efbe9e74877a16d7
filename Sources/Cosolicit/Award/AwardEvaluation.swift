import Foundation

/// Evaluates the bids for each award unit the solicitation's method defines and awards each unit: the lowest
/// evaluated amount among the bids that may win it, exact ties broken only by the declared rules or a recorded
/// resolution, a supplier's own all-or-none condition kept whole, and the secondary supplier named when asked.
struct AwardEvaluation {
  /// One row of the tabulation before its cells: a line of the form in one zone.
  struct RowSpec {
    var lotID: String
    var line: BidDocument.Line
    var zone: String?
    var quantity: Decimal
    var isAsNeeded: Bool

    /// "line 3 of lot L1, zone north", for messages.
    var name: String { "line \(line.number.value) of lot \(lotID)" + (zone.map { ", zone \($0)" } ?? "") }
  }

  /// The solicitation (tie breakers, local suppliers, secondary award).
  var solicitation: Solicitation
  /// The published form's prices reader.
  var prices: BidPrices
  /// The bids, in tabulation order.
  var bids: [TabulatedBid]
  /// The lead agency's recorded tie resolutions.
  var record: AwardRecord

  /// Every line of the form in every zone with demand, in form order.
  func rowSpecs() -> [RowSpec] {
    prices.form.lots.flatMap { lot in
      lot.lines.flatMap { line in
        prices.zones(of: line).map { zone in
          let (quantity, isAsNeeded) = prices.quantity(of: line, zone: zone)
          return RowSpec(lotID: lot.id.value, line: line, zone: zone, quantity: quantity, isAsNeeded: isAsNeeded)
        }
      }
    }
  }

  /// The award units of the form's award method, each with the indices of its rows, in form order.
  func units(of rows: [RowSpec]) -> [(unit: AwardUnit, rows: [Int])] {
    var units: [(unit: AwardUnit, rows: [Int])] = []
    var positions: [AwardUnit: Int] = [:]
    func add(_ unit: AwardUnit, _ row: Int) {
      if let index = positions[unit] {
        units[index].rows.append(row)
      } else {
        positions[unit] = units.count
        units.append((unit, [row]))
      }
    }
    for (index, row) in rows.enumerated() {
      switch prices.form.awardMethod.value {
      case .byLine, .byParticipant:
        add(AwardUnit(.line(lot: row.lotID, number: row.line.number.value), zone: row.zone), index)
      case .byLot: add(AwardUnit(.lot(row.lotID), zone: row.zone), index)
      case .allOrNone: add(AwardUnit(.whole), index)
      }
    }
    return units
  }

  /// What bid `bid` offers on each row: how it answered and its prices, per row.
  func offers(of bid: TabulatedBid, rows: [RowSpec]) -> [(TabulationCell.Answer, [OfferedPrice])] {
    guard let document = bid.document else { return rows.map { _ in (.unreadable, []) } }
    let lines = BidPrices.linesByLotAndNumber(document)
    return rows.map { row in
      prices.offered(lines[BidPrices.key(lot: row.lotID, line: row.line.number.value)], zone: row.zone)
    }
  }

  /// The bid's evaluated amount for a unit of `rows`, at the best option it prices every row in; the reasons it
  /// cannot win the unit otherwise.
  func standing(
    of bid: TabulatedBid, offers: [(TabulationCell.Answer, [OfferedPrice])], rows: [Int], specs: [RowSpec]
  ) -> Result<UnitEvaluation.Standing, Exclusion> {
    guard bid.isResponsive else { return .failure(Exclusion(["the bid is nonresponsive"])) }
    var best: UnitEvaluation.Standing?
    var missing: [String] = []
    for option in prices.evaluatedOptions {
      var total: Decimal? = 0
      var unitPrices: Decimal? = 0
      var complete = true
      for row in rows {
        let (answer, offered) = offers[row]
        guard let price = offered.first(where: { $0.option == option }) else {
          complete = false
          if missing.count < 6 {
            let what = answer == .noBid ? "no bid" : "no price"
            let label = specs[row].name + (option.map { ", option \($0)" } ?? "")
            missing.append("\(label): \(what)")
          }
          continue
        }
        unitPrices = unitPrices.flatMap { ExactArithmetic.sum($0, price.evaluatedUnitPrice) }
        guard !specs[row].isAsNeeded else { continue }
        let extended = BidCheck.extendedPrice(unitPrice: price.evaluatedUnitPrice, quantity: specs[row].quantity)
        total = total.flatMap { sum in extended.flatMap { ExactArithmetic.sum(sum, $0) } }
      }
      guard complete else { continue }
      let quantified = rows.contains { !specs[$0].isAsNeeded }
      guard let amount = quantified ? total : unitPrices else {
        missing.append("the amount has too many digits to compute exactly")
        continue
      }
      if best == nil || amount < best!.amount {
        best = UnitEvaluation.Standing(bidID: bid.id, amount: amount, option: option)
      }
    }
    if let best { return .success(best) }
    return .failure(Exclusion(["not every line of the unit is priced (" + missing.joined(separator: "; ") + ")"]))
  }

  /// Why a bid may not win a unit.
  struct Exclusion: Error {
    var reasons: [String]
    init(_ reasons: [String]) { self.reasons = reasons }
  }

  /// Each unit's eligible and excluded bids, before any award.
  func evaluations(
    units: [(unit: AwardUnit, rows: [Int])], offers: [[(TabulationCell.Answer, [OfferedPrice])]], specs: [RowSpec]
  ) -> [UnitEvaluation] {
    units.map { unit, rows in
      var evaluation = UnitEvaluation(unit: unit)
      for (index, bid) in bids.enumerated() {
        switch standing(of: bid, offers: offers[index], rows: rows, specs: specs) {
        case .success(let standing): evaluation.eligible.append(standing)
        case .failure(let exclusion): evaluation.excluded.append((bid.id, exclusion.reasons))
        }
      }
      // Lowest first; equal amounts keep bid order (no preference: a tie is decided below, never by order).
      evaluation.eligible = evaluation.eligible.enumerated().sorted {
        $0.element.amount != $1.element.amount ? $0.element.amount < $1.element.amount : $0.offset < $1.offset
      }.map(\.element)
      return evaluation
    }
  }
}
