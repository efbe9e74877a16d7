import Foundation

extension BidCheck {
  /// Recomputes, for a bid priced per zone or option, each price's extended price (the unit price governs; a
  /// differential option's at its reference price plus the differential), each lot's subtotal and the bid's
  /// total per (zone, option), and warns where the bid's figures disagree.
  static func recomputePrices(
    _ bid: BidDocument, plan: PricePlan, _ diagnostics: inout DiagnosticCollector
  ) -> ([BidCheckReport.LotTotal], [BidCheckReport.PricedSum]) {
    let pairs = plan.pairs(lineZones: plan.zones)
    func blank() -> [BidCheckReport.PricedSum] {
      pairs.map { pair in
        BidCheckReport.PricedSum(
          zone: pair.zone, option: pair.option, amount: 0,
          referencePrice: pair.option.flatMap { plan.option($0)?.referencePrice?.value }, pricedLines: 0)
      }
    }
    let position = Dictionary(
      pairs.enumerated().map { (key($0.element.zone, $0.element.option), $0.offset) }, uniquingKeysWith: { a, _ in a })
    var totals = blank()
    var lots: [BidCheckReport.LotTotal] = []
    for lot in bid.lots {
      var sums = blank()
      var pricedLines = 0
      var asNeededLines = 0
      for line in lot.lines where !line.isDeclined {
        var priced = false
        for price in line.prices where !price.noBid {
          guard let index = position[key(price.zone?.value, price.option?.value)],
            let evaluated = evaluatedUnitPrice(price, plan: plan)
          else { continue }
          // An as-needed line has no quantity: its prices are the bid, and count nothing toward the sums.
          if line.isAsNeeded {
            priced = true
            if let written = price.extendedPrice {
              diagnostics.warning(
                "line \(line.number.value), \(price.name): the line is as needed, with no quantity, so no extended "
                  + "price; \(amount(written.value)) is ignored and counts nothing toward the sums",
                at: written.location)
            }
            continue
          }
          // The unit price governs, so a price without its extended price still counts; the bid should say it.
          if price.extendedPrice == nil {
            diagnostics.warning(
              "line \(line.number.value), \(price.name) has no extended price; the unit price governs, so it counts "
                + "the evaluated unit price × quantity; give it in <extendedPrice> (only an as-needed line has none)",
              at: price.location)
          }
          let quantity =
            price.zone.flatMap { zone in line.zones.first { Identifier.same($0.zone.value, zone.value) } }?.quantity
            .value ?? line.quantity.value
          guard let governing = extendedPrice(unitPrice: evaluated, quantity: quantity) else {
            diagnostics.error(
              "line \(line.number.value), \(price.name): unit price × quantity has too many digits to compute "
                + "exactly", at: price.location)
            continue
          }
          if let written = price.extendedPrice, written.value != governing {
            let unit =
              price.differential.map {
                "the reference price \(amount(evaluated - $0.value)) plus the differential \(amount($0.value))"
              } ?? "unit price \(amount(evaluated))"
            diagnostics.warning(
              "line \(line.number.value), \(price.name): extended price \(amount(written.value)) does not equal "
                + "\(unit) × quantity \(DecimalText.format(quantity)) = \(amount(governing)); the unit price governs, "
                + "so the line counts \(amount(governing))", at: written.location)
          }
          priced = true
          sums[index].amount = ExactArithmetic.sum(sums[index].amount, governing) ?? sums[index].amount
          sums[index].pricedLines += 1
          totals[index].amount = ExactArithmetic.sum(totals[index].amount, governing) ?? totals[index].amount
          totals[index].pricedLines += 1
        }
        if priced { pricedLines += 1 }
        if priced && line.isAsNeeded { asNeededLines += 1 }
      }
      compare(
        written: lot.sums, computed: sums, position: position, what: "lot \(lot.id.value): subtotal", &diagnostics)
      lots.append(
        .init(
          id: lot.id.value, title: lot.title.value, subtotal: 0, pricedLines: pricedLines,
          noBidLines: lot.lines.count { $0.isDeclined }, asNeededLines: asNeededLines, sums: sums))
    }
    compare(written: bid.sums, computed: totals, position: position, what: "total", &diagnostics)
    return (lots, totals)
  }

  /// The unit price a price is evaluated at: its unit price, or its option's reference price plus its differential.
  static func evaluatedUnitPrice(_ price: BidDocument.Price, plan: PricePlan) -> Decimal? {
    if let unitPrice = price.unitPrice { return unitPrice.value }
    guard let differential = price.differential,
      let reference = price.option.flatMap({ plan.option($0.value) })?.referencePrice?.value
    else { return nil }
    return ExactArithmetic.sum(reference, differential.value)
  }

  /// Warns where a written subtotal or total differs from the computed one; an error where it names a zone or
  /// option the solicitation does not price.
  private static func compare(
    written: [BidDocument.Sum], computed: [BidCheckReport.PricedSum], position: [String: Int], what: String,
    _ diagnostics: inout DiagnosticCollector
  ) {
    for sum in written {
      let name = [sum.zone.map { "zone \($0.value)" }, sum.option.map { "option \($0.value)" }].compactMap { $0 }
        .joined(separator: ", ")
      guard let index = position[key(sum.zone?.value, sum.option?.value)] else {
        diagnostics.error(
          "\(what) for \(name) is not one the solicitation asks for (expected one per "
            + "\(computed.map(\.name).joined(separator: "; ")))", at: sum.location)
        continue
      }
      guard let amount = sum.amount, amount.value != computed[index].amount else { continue }
      let basis = computed[index].referencePrice.map { ", at the reference price \(self.amount($0))" } ?? ""
      diagnostics.warning(
        "\(what) for \(name) is \(self.amount(amount.value)), but its extended prices sum to "
          + "\(self.amount(computed[index].amount))\(basis); the unit prices govern", at: amount.location)
    }
  }
}
