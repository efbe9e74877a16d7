import Foundation

extension BidDocument.Line {
  /// Whether the bidder declines the whole line: `<noBid/>` for it, or for every one of its prices.
  public var isDeclined: Bool { noBid || (!prices.isEmpty && prices.allSatisfy(\.noBid)) }
}

extension BidCheck {
  /// The zones and options a bid is priced by, as the blank form (or, checked alone, the bid) declares them.
  struct PricePlan {
    /// The zone ids, in order.
    var zones: [String]
    /// The options, in order.
    var options: [BidDocument.PriceOptionDeclaration]

    init(_ form: BidDocument) {
      zones = form.zones.map(\.id.value)
      options = form.priceOptions
    }

    /// Whether lines are priced per zone or option.
    var isPriced: Bool { !zones.isEmpty || !options.isEmpty }

    /// The option with `id`, in any case.
    func option(_ id: String) -> BidDocument.PriceOptionDeclaration? {
      options.first { Identifier.same($0.id.value, id) }
    }

    /// The (zone, option) pairs a line with demand in `lineZones` is priced for.
    func pairs(lineZones: [String]) -> [(zone: String?, option: String?)] {
      let zones: [String?] = self.zones.isEmpty ? [nil] : lineZones.map { $0 }
      let options: [String?] = self.options.isEmpty ? [nil] : self.options.map(\.id.value)
      return zones.flatMap { zone in options.map { (zone, $0) } }
    }
  }

  /// A key for a (zone, option) pair, ids folded to compare in any case.
  static func key(_ zone: String?, _ option: String?) -> String {
    "\(zone.map(Identifier.key) ?? "")\u{1}\(option.map(Identifier.key) ?? "")"
  }

  // MARK: - Against the solicitation

  /// A line's demand per zone against the blank form's: the same zones, the same quantities.
  static func compareZones(
    of line: BidDocument.Line, with wanted: BidDocument.Line, _ diagnostics: inout DiagnosticCollector
  ) {
    let number = line.number.value
    for expected in wanted.zones {
      guard let zone = line.zones.first(where: { Identifier.same($0.zone.value, expected.zone.value) }) else {
        diagnostics.error(
          "line \(number): the demand of zone \(expected.zone.value) (<zone id=\"\(expected.zone.value)\">) is "
            + "missing; keep the zones as published", at: line.location)
        diagnostics.note(
          "the bid form's zone \(expected.zone.value) of line \(number) is here", at: expected.zone.location)
        continue
      }
      let quantities: [(String, KeyPath<BidDocument.ZoneQuantities, BidDocument.Field<Decimal>>)] = [
        ("committed quantity", \.committedQuantity), ("estimated quantity", \.estimatedQuantity),
        ("quantity", \.quantity),
      ]
      for (name, path) in quantities where zone[keyPath: path].value != expected[keyPath: path].value {
        diagnostics.error(
          "line \(number), zone \(zone.zone.value): the \(name) is \(DecimalText.format(zone[keyPath: path].value)), "
            + "but the solicitation asks for \(DecimalText.format(expected[keyPath: path].value)); bid the "
            + "quantities as published", at: zone[keyPath: path].location)
        diagnostics.note("the bid form's \(name) is here", at: expected[keyPath: path].location)
      }
      let bounds: [(String, KeyPath<BidDocument.ZoneQuantities, BidDocument.Field<Decimal>?>)] = [
        ("minimum quantity", \.minimumQuantity), ("maximum quantity", \.maximumQuantity),
      ]
      for (name, path) in bounds where zone[keyPath: path]?.value != expected[keyPath: path]?.value {
        let found = zone[keyPath: path].map { "is \(DecimalText.format($0.value))" } ?? "is not given"
        let asked = expected[keyPath: path].map { DecimalText.format($0.value) } ?? "none"
        diagnostics.error(
          "line \(number), zone \(zone.zone.value): the \(name) \(found), but the solicitation's bid form has "
            + "\(asked); the commitment band is the solicitation's, bid it as published",
          at: zone[keyPath: path]?.location ?? zone.zone.location)
        diagnostics.note(
          "the bid form's zone \(expected.zone.value) of line \(number) is here", at: expected.zone.location)
      }
      if (zone.asNeededLocation == nil) != (expected.asNeededLocation == nil) {
        diagnostics.error(
          "line \(number), zone \(zone.zone.value): "
            + (expected.asNeededLocation != nil
              ? "the solicitation's bid form marks the zone <asNeeded/>, but the bid does not; keep <asNeeded/>"
              : "the bid marks the zone <asNeeded/>, but the solicitation's bid form does not; remove it"),
          at: zone.asNeededLocation ?? zone.zone.location)
        diagnostics.note(
          "the bid form's zone \(expected.zone.value) of line \(number) is here", at: expected.zone.location)
      }
    }
    for zone in line.zones where !wanted.zones.contains(where: { Identifier.same($0.zone.value, zone.zone.value) }) {
      diagnostics.error(
        "line \(number): zone \(zone.zone.value) has no demand for this line in the solicitation's bid form; "
          + "remove it", at: zone.zone.location)
    }
  }

  /// The bid's declared zones and options against the blank form's: ids, bases and reference prices unchanged.
  static func compareDeclarations(
    _ bid: BidDocument, with reference: BidDocument, _ diagnostics: inout DiagnosticCollector
  ) {
    if bid.zones.map({ Identifier.key($0.id.value) }) != reference.zones.map({ Identifier.key($0.id.value) }) {
      let found = bid.zones.map(\.id.value).joined(separator: ", ")
      let expected = reference.zones.map(\.id.value).joined(separator: ", ")
      diagnostics.error(
        "the bid lists the zones (\(found.isEmpty ? "none" : found)), but the solicitation's bid form lists "
          + "(\(expected.isEmpty ? "none" : expected)); keep <zones> as published",
        at: bid.zones.first?.id.location ?? bid.location)
    }
    if let expected = reference.awardPriceOption, let found = bid.awardPriceOption,
      !Identifier.same(found.value, expected.value)
    {
      diagnostics.error(
        "the option that decides the award is '\(found.value)', but the solicitation's bid form says "
          + "'\(expected.value)'; do not change it", at: found.location)
      diagnostics.note("the bid form's award option is here", at: expected.location)
    }
    for option in reference.priceOptions {
      guard let found = bid.priceOptions.first(where: { Identifier.same($0.id.value, option.id.value) }) else {
        diagnostics.error(
          "price option \(option.id.value) of the solicitation is missing from <priceOptions>; keep the options as "
            + "published", at: bid.location)
        continue
      }
      if found.basis != option.basis || found.referencePrice?.value != option.referencePrice?.value {
        let what =
          found.basis != option.basis
          ? "its basis is \(found.basis.rawValue), the solicitation's \(option.basis.rawValue)"
          : "its reference price is \(found.referencePrice.map { amount($0.value) } ?? "not given"), the "
            + "solicitation's \(option.referencePrice.map { amount($0.value) } ?? "none")"
        diagnostics.error(
          "price option \(option.id.value) is changed: \(what); bids are evaluated as published",
          at: found.referencePrice?.location ?? found.id.location)
        diagnostics.note("the bid form's option \(option.id.value) is here", at: option.id.location)
      }
    }
    for option in bid.priceOptions
    where reference.priceOptions.allSatisfy({ !Identifier.same($0.id.value, option.id.value) }) {
      diagnostics.error(
        "price option \(option.id.value) is not in the solicitation's bid form; remove it", at: option.id.location)
    }
  }

  // MARK: - The prices of each line

  /// Each line's prices against the plan: one per (zone with demand, option), none for another zone or an
  /// unknown option, the option's kind of price (a unit price or a differential), and the award method's rules
  /// on leaving zones unbid.
  static func checkPrices(
    of bid: BidDocument, plan: PricePlan, reference: BidDocument?, awardMethod: AwardMethod?,
    _ diagnostics: inout DiagnosticCollector
  ) {
    if let reference { compareDeclarations(bid, with: reference, &diagnostics) }
    let referenceLots = Dictionary(
      (reference?.lots ?? []).map { (Identifier.key($0.id.value), $0) }, uniquingKeysWith: { first, _ in first })
    for lot in bid.lots {
      let wanted = referenceLots[Identifier.key(lot.id.value)].map {
        Dictionary($0.lines.map { ($0.number.value, $0) }, uniquingKeysWith: { first, _ in first })
      }
      // By (zone, option): the lines priced and the lines left unbid, for by-lot's rule.
      var answered: [String: (priced: [Int], declined: [Int], name: String)] = [:]
      for line in lot.lines where !line.noBid {
        let lineZones = (wanted?[line.number.value] ?? line).zones.map(\.zone.value)
        checkPrices(
          of: line, lineZones: lineZones, plan: plan, requireEveryPrice: awardMethod != nil, &diagnostics)
        for price in line.prices {
          let key = key(price.zone?.value, price.option?.value)
          answered[key, default: ([], [], price.name)].name = price.name
          if price.noBid {
            answered[key]?.declined.append(line.number.value)
            if awardMethod == .allOrNone {
              diagnostics.error(
                "line \(line.number.value), \(price.name) is marked no-bid, but the award method is all-or-none: "
                  + "every line must be priced in every zone and option", at: price.noBidLocation ?? price.location)
            }
          } else {
            answered[key]?.priced.append(line.number.value)
          }
        }
      }
      guard awardMethod == .byLot else { continue }
      for (_, answer) in answered.sorted(by: { $0.key < $1.key })
      where !answer.priced.isEmpty && !answer.declined.isEmpty {
        diagnostics.error(
          "lot \(lot.id.value), \(answer.name) mixes priced and no-bid lines (no-bid: "
            + "\(answer.declined.map(String.init).joined(separator: ", "))); the award method is by-lot, so each zone "
            + "of a lot is awarded whole: price every line of the lot in it or mark every one <noBid/>",
          at: lot.location)
      }
    }
  }

  /// One line's prices against the (zone, option) pairs it is priced for.
  private static func checkPrices(
    of line: BidDocument.Line, lineZones: [String], plan: PricePlan, requireEveryPrice: Bool,
    _ diagnostics: inout DiagnosticCollector
  ) {
    let number = line.number.value
    guard plan.isPriced else {
      diagnostics.error(
        "line \(number) gives <price> elements, but the solicitation has no price zones or options; give one "
          + "<unitPrice> and <extendedPrice>", at: line.prices.first?.location ?? line.location)
      return
    }
    guard !line.prices.isEmpty else {
      diagnostics.error(
        "line \(number) is priced with one <unitPrice>, but the solicitation asks for one <price> per "
          + describePlan(plan) + "; give each, or <noBid/> in it", at: line.unitPrice?.location ?? line.location)
      return
    }
    var seen: [String: SourceLocation] = [:]
    for price in line.prices {
      guard checkAttributes(of: price, line: number, lineZones: lineZones, plan: plan, &diagnostics) else { continue }
      let key = key(price.zone?.value, price.option?.value)
      if let first = seen[key] {
        diagnostics.error("line \(number): \(price.name) is priced twice; give one price", at: price.location)
        diagnostics.note("its first price is here", at: first)
        continue
      }
      seen[key] = price.location
      guard !price.noBid else { continue }
      let option = price.option.flatMap { plan.option($0.value) }
      let differential = option?.isDifferential ?? false
      if differential && !price.isDifferential {
        diagnostics.error(
          "line \(number), \(price.name): option \(option?.id.value ?? "") is a differential over "
            + "\(option?.index ?? "its index"); give <differential>, not <unitPrice>", at: price.location)
      } else if !differential && price.isDifferential {
        let what = option.map { "option \($0.id.value) is priced by unit price" } ?? "the line is priced by unit price"
        diagnostics.error(
          "line \(number), \(price.name): \(what); give <unitPrice>, not <differential>", at: price.location)
      } else if price.unitPrice == nil && price.differential == nil, requireEveryPrice {
        diagnostics.error(
          "line \(number), \(price.name) has no price; price it or mark it <noBid/>", at: price.location)
      } else if let differential = price.differential, let reference = option?.referencePrice?.value,
        reference + differential.value < 0
      {
        diagnostics.error(
          "line \(number), \(price.name): the differential \(amount(differential.value)) makes the evaluated unit "
            + "price negative at the reference price \(amount(reference))", at: differential.location)
      }
    }
    for pair in plan.pairs(lineZones: lineZones) where requireEveryPrice && seen[key(pair.zone, pair.option)] == nil {
      let attributes = [pair.zone.map { "zone=\"\($0)\"" }, pair.option.map { "option=\"\($0)\"" }]
      let name = [pair.zone.map { "zone \($0)" }, pair.option.map { "option \($0)" }].compactMap { $0 }
      diagnostics.error(
        "line \(number): no price for \(name.joined(separator: ", ")); give <price "
          + "\(attributes.compactMap { $0 }.joined(separator: " "))> with a price or <noBid/>", at: line.location)
    }
  }

  /// Whether the price's zone and option are ones the line is priced for; an error for each that is not.
  private static func checkAttributes(
    of price: BidDocument.Price, line number: Int, lineZones: [String], plan: PricePlan,
    _ diagnostics: inout DiagnosticCollector
  ) -> Bool {
    var fits = true
    if let zone = price.zone {
      if plan.zones.isEmpty {
        diagnostics.error(
          "line \(number): <price> names zone \(zone.value), but the solicitation has no price zones; remove the "
            + "zone attribute", at: zone.location)
        fits = false
      } else if !plan.zones.contains(where: { Identifier.same($0, zone.value) }) {
        diagnostics.error(
          "line \(number): zone '\(zone.value)' is not a price zone of the solicitation (zones: "
            + "\(plan.zones.joined(separator: ", ")))\(NearestName.hint(for: zone.value, among: plan.zones))",
          at: zone.location)
        fits = false
      } else if !lineZones.contains(where: { Identifier.same($0, zone.value) }) {
        diagnostics.error(
          "line \(number): zone \(zone.value) has no demand for this line (its zones: "
            + "\(lineZones.joined(separator: ", "))); remove this price", at: zone.location)
        fits = false
      }
    } else if !plan.zones.isEmpty {
      diagnostics.error(
        "line \(number): <price> has no zone; the solicitation is priced per zone (\(lineZones.joined(separator: ", ")))",
        at: price.location)
      fits = false
    }
    if let option = price.option {
      if plan.options.isEmpty {
        diagnostics.error(
          "line \(number): <price> names option \(option.value), but the solicitation has no price options; "
            + "remove the option attribute", at: option.location)
        fits = false
      } else if plan.option(option.value) == nil {
        let ids = plan.options.map(\.id.value)
        diagnostics.error(
          "line \(number): option '\(option.value)' is not a price option of the solicitation (options: "
            + "\(ids.joined(separator: ", ")))\(NearestName.hint(for: option.value, among: ids))", at: option.location)
        fits = false
      }
    } else if !plan.options.isEmpty {
      diagnostics.error(
        "line \(number): <price> has no option; the solicitation asks for a price per option "
          + "(\(plan.options.map(\.id.value).joined(separator: ", ")))", at: price.location)
      fits = false
    }
    return fits
  }

  /// "zone and option", "zone", or "option", for messages.
  private static func describePlan(_ plan: PricePlan) -> String {
    switch (plan.zones.isEmpty, plan.options.isEmpty) {
    case (false, false): "zone with demand and option (\(plan.options.map(\.id.value).joined(separator: ", ")))"
    case (false, true): "zone with demand"
    default: "option (\(plan.options.map(\.id.value).joined(separator: ", ")))"
    }
  }
}
